import { Module } from '@nestjs/common';
import { ProjectAccessPolicy } from './project-access.policy';

// Who may read and change which project: the one policy every area of the portfolio asks,
// with findVisibleProject (visible-project.ts) and the caller's Principal beside it.
@Module({
  providers: [ProjectAccessPolicy],
  exports: [ProjectAccessPolicy],
})
export class AccessModule {}
