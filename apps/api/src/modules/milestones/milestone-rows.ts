import type { Milestone } from '@sillon/contracts';
import { isoDate, isoInstant } from '../../common/json-text';
import { ColumnsOf, selectList } from '../../database/select-list';

// The contract's Milestone, field by field, as SQL for row_to_json (see jsonArray): `m` is the
// milestone, `p` its project, `u` its owner (see FROM_MILESTONE). `today` is the SQL of Paris's date
// (a parameter): "late" is derived, never stored: still planned and due before today.
const milestoneColumns = (today: string): ColumnsOf<Milestone> => ({
  id: 'm.id',
  projectId: 'm.project_id',
  projectCode: 'p.code',
  projectName: 'p.name',
  labId: 'm.lab_id',
  title: 'm.title',
  kind: 'm.kind',
  stage: 'm.stage',
  dueOn: isoDate('m.due_on'),
  completedOn: isoDate('m.completed_on'),
  status: 'm.status',
  late: `(m.status = 'planned' AND m.due_on < ${today})`,
  ownerId: 'm.owner_id',
  ownerName: 'u.display_name',
  participantCount: 'm.participant_count',
  evidenceUrl: 'm.evidence_url',
  version: 'm.version',
  createdAt: isoInstant('m.created_at'),
  updatedAt: isoInstant('m.updated_at'),
});

export const milestoneFields = (today: string) => selectList(milestoneColumns(today));

export const FROM_MILESTONE = `FROM milestone m JOIN project p ON p.id = m.project_id LEFT JOIN app_user u ON u.id = m.owner_id`;
