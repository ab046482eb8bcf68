import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LabDirectoryPolicy } from './lab-directory.policy';
import { LabEntity } from './lab.entity';
import { LabsController } from './labs.controller';
import { LabsService } from './labs.service';
import { RegionEntity } from './region.entity';
import { RegionsController } from './regions.controller';

@Module({
  imports: [TypeOrmModule.forFeature([LabEntity, RegionEntity])],
  controllers: [LabsController, RegionsController],
  providers: [LabDirectoryPolicy, LabsService],
  exports: [LabDirectoryPolicy, LabsService],
})
export class LabsModule {}
