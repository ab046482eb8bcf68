import { Milestone, MilestoneOwner, UpdateMilestoneRequest } from '@sillon/contracts';

export type MilestoneChanges = Omit<UpdateMilestoneRequest, 'version'>;

// What the page's save answers: the saved milestone, or why not (with the current one after a 409).
export type MilestoneSaveResult =
  | { ok: true; milestone: Milestone }
  | { ok: false; message: string; fieldErrors: Record<string, string>; conflict?: Milestone };

export interface MilestoneDialogData {
  milestone: Milestone;
  // Who may own it (the edit dialog's owner list).
  owners?: readonly MilestoneOwner[];
  // Saves the changes on top of `version`; the dialog closes with the saved milestone.
  save: (changes: MilestoneChanges, version: number) => Promise<MilestoneSaveResult>;
}

export const HTTPS_URL = /^https:\/\/[^\s/$.?#][^\s]*$/i;
