import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccessModule } from '../access/access.module';
import { AuthModule } from '../auth/auth.module';
import { CommonReuseEntity } from './common-reuse.entity';
import { CommonsController } from './commons.controller';
import { CommonsService } from './commons.service';
import { OpenDataController } from './open-data.controller';
import { OpenDataThrottleGuard } from './open-data-throttle.guard';
import { OpenDataService } from './open-data.service';
import { ProjectCommonEntity } from './project-common.entity';

// What projects publish as commons, and the anonymous open-data feed of public projects.
@Module({
  imports: [TypeOrmModule.forFeature([ProjectCommonEntity, CommonReuseEntity]), AccessModule, AuthModule],
  controllers: [CommonsController, OpenDataController],
  providers: [CommonsService, OpenDataService, OpenDataThrottleGuard],
})
export class CommonsModule {}
