import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module';
import { ReportAccessPolicy } from './report-access.policy';
import { ReportExportService } from './report-export.service';
import { ReportsController } from './reports.controller';
import { ReportsService } from './reports.service';

@Module({
  imports: [AccessModule],
  controllers: [ReportsController],
  providers: [ReportsService, ReportExportService, ReportAccessPolicy],
})
export class ReportsModule {}
