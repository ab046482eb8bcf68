import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccessModule } from '../access/access.module';
import { ContactEntity } from './contact.entity';
import { ContactsController } from './contacts.controller';
import { ContactsService } from './contacts.service';
import { OrganisationEntity } from './organisation.entity';
import { OrganisationsController } from './organisations.controller';
import { OrganisationsService } from './organisations.service';
import { PartnersController } from './partners.controller';
import { PartnersService } from './partners.service';
import { ProjectPartnerEntity } from './project-partner.entity';

@Module({
  imports: [TypeOrmModule.forFeature([OrganisationEntity, ContactEntity, ProjectPartnerEntity]), AccessModule],
  controllers: [OrganisationsController, ContactsController, PartnersController],
  providers: [OrganisationsService, ContactsService, PartnersService],
  exports: [OrganisationsService],
})
export class OrganisationsModule {}
