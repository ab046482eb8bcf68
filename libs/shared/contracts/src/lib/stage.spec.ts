import { STAGES, STAGE_LABELS_FR } from './stage';

describe('stages', () => {
  it('lists the five pipeline stages in order', () => {
    expect(STAGES).toEqual(['co_design', 'ideation', 'prototyping', 'incubation', 'scale_up']);
  });

  it('has a French label for every stage', () => {
    expect(STAGES.map((s) => STAGE_LABELS_FR[s])).toEqual([
      'Co-design',
      'Idéation',
      'Prototypage',
      'Incubation',
      "Changement d'échelle",
    ]);
  });
});
