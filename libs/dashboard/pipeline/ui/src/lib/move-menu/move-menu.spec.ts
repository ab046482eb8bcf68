import { moveChoices } from './move-menu';

describe('moveChoices', () => {
  it('says forward moves "Passer en" and backward ones "Revenir en", in the order given', () => {
    expect(moveChoices('ideation', ['co_design', 'prototyping', 'scale_up'])).toEqual([
      { stage: 'co_design', label: 'Revenir en Co-design' },
      { stage: 'prototyping', label: 'Passer en Prototypage' },
      { stage: 'scale_up', label: "Passer en Changement d'échelle" },
    ]);
  });
});
