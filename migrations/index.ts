import { Platform1764201600000 } from './1764201600000-Platform';
import { RegionsLabsUsers1764201700000 } from './1764201700000-RegionsLabsUsers';
import { Sessions1764201800000 } from './1764201800000-Sessions';
import { Projects1764201900000 } from './1764201900000-Projects';
import { MilestonesPartnersFunding1764202000000 } from './1764202000000-MilestonesPartnersFunding';
import { ReadPathIndexes1764230000000 } from './1764230000000-ReadPathIndexes';
import { PipelineCounts1764240000000 } from './1764240000000-PipelineCounts';
import { ProjectListOrder1764250000000 } from './1764250000000-ProjectListOrder';
import { OpenMilestonesOfLiveProjects1764260000000 } from './1764260000000-OpenMilestonesOfLiveProjects';
import { DatabaseWall1764300000000 } from './1764300000000-DatabaseWall';
import { ProjectProposals1764810000000 } from './1764810000000-ProjectProposals';
import { AuditActorIndex1764810100000 } from './1764810100000-AuditActorIndex';
import { LabActivities1764900000000 } from './1764900000000-LabActivities';
import { ProjectCommons1764900100000 } from './1764900100000-ProjectCommons';
import { BulkImports1764900200000 } from './1764900200000-BulkImports';
import { NationalRole1764900300000 } from './1764900300000-NationalRole';

// Every migration, in order. A new migration is appended here (the API bundles them).
export const MIGRATIONS = [
  Platform1764201600000,
  RegionsLabsUsers1764201700000,
  Sessions1764201800000,
  Projects1764201900000,
  MilestonesPartnersFunding1764202000000,
  ReadPathIndexes1764230000000,
  PipelineCounts1764240000000,
  ProjectListOrder1764250000000,
  OpenMilestonesOfLiveProjects1764260000000,
  DatabaseWall1764300000000,
  ProjectProposals1764810000000,
  AuditActorIndex1764810100000,
  LabActivities1764900000000,
  ProjectCommons1764900100000,
  BulkImports1764900200000,
  NationalRole1764900300000,
];
