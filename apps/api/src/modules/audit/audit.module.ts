import { Global, Module } from '@nestjs/common';
import { ProjectAccessPolicy } from '../projects/project-access.policy';
import { AuditTrailService } from './audit-trail.service';
import { AuditController } from './audit.controller';
import { AuditService } from './audit.service';

@Global()
@Module({
  controllers: [AuditController],
  // The policy is stateless; provided here rather than importing ProjectsModule into a global module.
  providers: [AuditService, AuditTrailService, ProjectAccessPolicy],
  exports: [AuditService],
})
export class AuditModule {}
