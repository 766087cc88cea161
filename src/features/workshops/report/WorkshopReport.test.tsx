// @vitest-environment jsdom
import axe from 'axe-core';
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ACTOR_FAMILY_LABELS, NEED_SHORT_LABELS } from '../../../i18n/fr.ts';
import { sampleContribution, sampleDots, sampleWorkshop } from '../../../model/workshops/fixtures.ts';
import { buildReport } from '../../../model/workshops/report/report.ts';
import { WorkshopReport } from './WorkshopReport.tsx';

afterEach(cleanup);

const labels = { needs: NEED_SHORT_LABELS, actorFamilies: ACTOR_FAMILY_LABELS };
const report = buildReport({
  workshop: sampleWorkshop({
    run: {
      stepIndex: 1,
      pausedSeconds: 0,
      extraMinutes: 0,
      wallVisible: true,
      log: [
        { stepId: 'accueil', startedAt: '2026-12-03T17:30:00Z', endedAt: '2026-12-03T17:45:00Z', pausedSeconds: 0 },
      ],
    },
  }),
  entries: [
    sampleContribution('c1', { text: 'Un marché de producteurs le dimanche', need: 'faire-alliance' }),
    sampleContribution('c2', { text: '<b>Covoiturage</b>', actorFamily: 'institutions' }),
    sampleDots('guest-aaaaaaaaaaaaaaaaaaaaaa', [{ contributionId: 'c1', count: 2 }]),
  ],
  labels,
  now: '2026-12-03T19:00:00Z',
});

describe('the report page', () => {
  it('shows the agenda, the top, each chart with its table, the steps', () => {
    render(<WorkshopReport report={report} labels={labels} />);
    expect(
      screen.getByRole('heading', { level: 1, name: 'Compte rendu : Atelier mobilité à Saint-Flour' }),
    ).toBeTruthy();
    const agenda = screen.getByRole('table', { name: /Durée prévue et durée réelle/ });
    expect(within(agenda).getByRole('row', { name: 'Accueil 10 min 15 min' })).toBeTruthy();
    expect(within(agenda).getByRole('row', { name: 'Idées 30 min non jouée' })).toBeTruthy();
    const top = screen.getByRole('heading', { name: 'Les contributions les plus soutenues' }).nextElementSibling!;
    expect(top.textContent).toContain('Un marché de producteurs le dimanche 2 gommettes');
    const chart = screen.getByRole('img', { name: /Contributions par besoin/ });
    expect(chart.getAttribute('aria-labelledby')).toBe('par-besoin-titre par-besoin-desc');
    const figures = screen.getByRole('table', { name: 'Contributions par besoin : les chiffres' });
    expect(within(figures).getByRole('row', { name: 'Faire alliance 1' })).toBeTruthy();
    expect(screen.getByText('<b>Covoiturage</b>')).toBeTruthy();
  });

  it('has no accessibility violation that axe can see without layout', async () => {
    const { container } = render(
      <main>
        <WorkshopReport report={report} labels={labels} />
      </main>,
    );
    const result = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
    expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`)).toEqual([]);
  });
});
