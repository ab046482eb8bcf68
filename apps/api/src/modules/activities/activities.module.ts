import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module';
import { ActivitiesController } from './activities.controller';
import { ActivitiesService } from './activities.service';
import { ActivityExportService } from './activity-export.service';

@Module({
  imports: [AccessModule],
  controllers: [ActivitiesController],
  providers: [ActivitiesService, ActivityExportService],
})
export class ActivitiesModule {}
