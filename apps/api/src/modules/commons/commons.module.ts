import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccessModule } from '../access/access.module';
import { CommonReuseEntity } from './common-reuse.entity';
import { CommonsController } from './commons.controller';
import { CommonsService } from './commons.service';
import { OpenDataController } from './open-data.controller';
import { OpenDataService } from './open-data.service';
import { ProjectCommonEntity } from './project-common.entity';

// What projects publish as commons, and the anonymous open-data feed of public projects.
@Module({
  imports: [TypeOrmModule.forFeature([ProjectCommonEntity, CommonReuseEntity]), AccessModule],
  controllers: [CommonsController, OpenDataController],
  providers: [CommonsService, OpenDataService],
})
export class CommonsModule {}
