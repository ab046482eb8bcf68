export const STAGES = ['co_design', 'ideation', 'prototyping', 'incubation', 'scale_up'] as const;
export type Stage = (typeof STAGES)[number];

export const STAGE_LABELS_FR: Readonly<Record<Stage, string>> = {
  co_design: 'Co-design',
  ideation: 'Idéation',
  prototyping: 'Prototypage',
  incubation: 'Incubation',
  scale_up: "Changement d'échelle",
};
