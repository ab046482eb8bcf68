import { Global, Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module';
import { AuditTrailService } from './audit-trail.service';
import { AuditController } from './audit.controller';
import { AuditService } from './audit.service';

@Global()
@Module({
  imports: [AccessModule],
  controllers: [AuditController],
  providers: [AuditService, AuditTrailService],
  exports: [AuditService],
})
export class AuditModule {}
