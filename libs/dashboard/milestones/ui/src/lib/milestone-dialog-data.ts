import { Milestone, MilestoneOwner, UpdateMilestoneRequest } from '@sillon/contracts';
import { WriteResult } from '@sillon/dashboard/shared/util';

export type MilestoneChanges = Omit<UpdateMilestoneRequest, 'version'>;

export interface MilestoneDialogData {
  milestone: Milestone;
  // Who may own it (the edit dialog's owner list).
  owners?: readonly MilestoneOwner[];
  // Saves the changes on top of `version`; the dialog closes with the saved milestone.
  save: (changes: MilestoneChanges, version: number) => Promise<WriteResult<Milestone>>;
}

export const HTTPS_URL = /^https:\/\/[^\s/$.?#][^\s]*$/i;
