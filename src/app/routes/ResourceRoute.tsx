import { AnnotatedText } from '../../features/annotations/AnnotatedText.tsx';
import { ResourcePage } from '../../features/library/ResourcePage.tsx';

/** A text of the library, annotated: the two features meet here, not in each other. */
export default function ResourceRoute() {
  return <ResourcePage Annotator={AnnotatedText} />;
}
