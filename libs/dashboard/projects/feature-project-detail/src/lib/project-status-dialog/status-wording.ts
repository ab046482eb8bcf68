import { ProjectStatus } from '@sillon/contracts';

// How each status change is named and asked for, in French.
export interface StatusWording {
  action: string;
  title: string;
  field: string;
  hint: string;
  required: string;
  submit: string;
  done: string;
}

export const STATUS_WORDING: Readonly<Record<ProjectStatus, StatusWording>> = {
  on_hold: {
    action: 'Mettre en pause',
    title: 'Mettre le projet en pause',
    field: 'Motif de la pause',
    hint: "Pourquoi le projet s'interrompt pour un temps ; le motif figurera dans l'historique.",
    required: 'Indiquez le motif de la pause.',
    submit: 'Mettre en pause',
    done: 'Le projet est en pause.',
  },
  active: {
    action: 'Reprendre le projet',
    title: 'Reprendre le projet',
    field: 'Motif de la reprise',
    hint: "Ce qui permet au projet de reprendre ; le motif figurera dans l'historique.",
    required: 'Indiquez pourquoi le projet reprend.',
    submit: 'Reprendre le projet',
    done: 'Le projet a repris.',
  },
  stopped: {
    action: 'Arrêter le projet',
    title: 'Arrêter le projet',
    field: 'Enseignement tiré',
    hint: 'Ce que le lab retient de ce projet : il restera attaché au projet et à son historique.',
    required: "Indiquez l'enseignement tiré de ce projet.",
    submit: 'Arrêter le projet',
    done: 'Le projet est arrêté.',
  },
  scaled: {
    action: 'Marquer comme essaimé',
    title: 'Marquer le projet comme essaimé',
    field: 'Où le projet a-t-il essaimé ?',
    hint: 'La structure qui le reprend, le territoire, le dispositif pérenne…',
    required: 'Indiquez où le projet a essaimé.',
    submit: 'Marquer comme essaimé',
    done: 'Le projet est marqué comme essaimé.',
  },
};

// The label of the reason a project carries in a status other than active.
export const STATUS_REASON_LABELS: Readonly<Record<ProjectStatus, string>> = {
  active: 'Motif de la reprise',
  on_hold: 'Motif de la pause',
  stopped: 'Enseignement tiré',
  scaled: 'Essaimage',
};
