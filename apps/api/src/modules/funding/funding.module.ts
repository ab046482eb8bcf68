import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccessModule } from '../access/access.module';
import { FundingLineEntity } from './funding-line.entity';
import { FundingController } from './funding.controller';
import { FundingService } from './funding.service';

@Module({
  imports: [TypeOrmModule.forFeature([FundingLineEntity]), AccessModule],
  controllers: [FundingController],
  providers: [FundingService],
})
export class FundingModule {}
