import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ProjectsModule } from '../projects/projects.module';
import { FundingLineEntity } from './funding-line.entity';
import { FundingController } from './funding.controller';
import { FundingService } from './funding.service';

@Module({
  imports: [TypeOrmModule.forFeature([FundingLineEntity]), ProjectsModule],
  controllers: [FundingController],
  providers: [FundingService],
})
export class FundingModule {}
