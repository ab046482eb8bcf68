import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ProjectAccessPolicy } from '../access/project-access.policy';
import { AuditEventEntity } from './audit-event.entity';
import { AuditTrailService } from './audit-trail.service';
import { AuditController } from './audit.controller';
import { AuditService } from './audit.service';

@Global()
@Module({
  imports: [TypeOrmModule.forFeature([AuditEventEntity])],
  controllers: [AuditController],
  // The policy is stateless; provided here rather than importing ProjectsModule into a global module.
  providers: [AuditService, AuditTrailService, ProjectAccessPolicy],
  exports: [AuditService],
})
export class AuditModule {}
