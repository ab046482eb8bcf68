import { ACTIVITY_ACTOR_TYPES, ActivityActorType, LabActivity } from '@sillon/contracts';
import { isoDate, isoInstant } from '../../common/json-text';
import { ColumnsOf, selectList } from '../../database/select-list';

// The column of each actor type's attendance.
export const attendanceColumn = (type: ActivityActorType) => `attendance_${type}`;

// The contract's LabActivity as SQL for row_to_json: `a` is the activity, `l` its lab, `u` who
// recorded it (see FROM_ACTIVITY). Linked projects and facilitators come as JSON arrays.
const ACTIVITY_COLUMNS: ColumnsOf<LabActivity> = {
  id: 'a.id',
  labId: 'a.lab_id',
  labName: 'l.name',
  title: 'a.title',
  kind: 'a.kind',
  startsOn: isoDate('a.starts_on'),
  endsOn: isoDate('a.ends_on'),
  place: 'a.place',
  description: 'a.description',
  projects: `coalesce((SELECT json_agg(json_build_object('id', p.id, 'code', p.code, 'name', p.name) ORDER BY p.code)
    FROM lab_activity_project ap JOIN project p ON p.id = ap.project_id WHERE ap.activity_id = a.id), '[]'::json)`,
  facilitators: `coalesce((SELECT json_agg(json_build_object('id', o.id, 'name', o.name, 'type', o.type) ORDER BY o.name, o.id)
    FROM lab_activity_facilitator af JOIN organisation o ON o.id = af.organisation_id WHERE af.activity_id = a.id), '[]'::json)`,
  attendance: `json_build_object(${ACTIVITY_ACTOR_TYPES.map((type) => `'${type}', a.${attendanceColumn(type)}`).join(', ')})`,
  participants: 'a.participants',
  createdBy: 'a.created_by',
  createdByName: 'u.display_name',
  version: 'a.version',
  createdAt: isoInstant('a.created_at'),
  updatedAt: isoInstant('a.updated_at'),
};

export const ACTIVITY_FIELDS = selectList(ACTIVITY_COLUMNS);

export const FROM_ACTIVITY = `FROM lab_activity a JOIN lab l ON l.id = a.lab_id LEFT JOIN app_user u ON u.id = a.created_by`;

// Most recent first; the id breaks ties so that pages never overlap.
export const ACTIVITY_ORDER = 'a.starts_on DESC, a.id DESC';
