import { Link, useParams } from 'react-router';
import { WorkshopReportPage } from './WorkshopReportPage.tsx';

/** /ateliers/:id/compte-rendu: the report after the workshop. */
export default function ReportRoute() {
  const { id = '' } = useParams();
  return (
    <>
      <p className="report-actions">
        <Link to={`/ateliers/${id}`}>Retour à l’atelier</Link>
      </p>
      <WorkshopReportPage workshopId={id} />
    </>
  );
}
