import { moveChoices } from './move-menu';

describe('moveChoices', () => {
  it('says forward moves "Passer en" and backward ones "Revenir en", in the order given', () => {
    expect(moveChoices('ideation', ['co_design', 'prototyping', 'scale_up'])).toEqual([
      { stage: 'co_design', label: 'Revenir en Co-design' },
      { stage: 'prototyping', label: 'Passer en Prototypage' },
      { stage: 'scale_up', label: "Passer en Changement d'échelle" },
    ]);
  });

  it('says which moves a project lead proposes', () => {
    expect(moveChoices('ideation', ['co_design', 'prototyping', 'scale_up'], true).map((c) => c.label)).toEqual([
      'Proposer de revenir en Co-design',
      'Passer en Prototypage',
      "Proposer de passer en Changement d'échelle",
    ]);
  });
});
