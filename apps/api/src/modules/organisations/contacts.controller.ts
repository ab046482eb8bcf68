import { Body, Controller, Delete, Get, Ip, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Contact, ContactErasureResult, ContactExport, Page } from '@sillon/contracts';
import { UuidParamPipe } from '../../common/uuid-param.pipe';
import { CurrentPrincipal, Principal } from '../access/principal';
import { ProjectAccessPolicy } from '../access/project-access.policy';
import { UserRateLimit } from '../auth/user-rate-limit.decorator';
import { ContactsService } from './contacts.service';
import { ContactListQueryDto, CreateContactDto, UpdateContactDto } from './dto/contact.dto';

@ApiTags('contacts')
@Controller({ path: 'contacts' })
export class ContactsController {
  constructor(
    private readonly contacts: ContactsService,
    private readonly policy: ProjectAccessPolicy,
  ) {}

  @Get()
  list(@CurrentPrincipal() principal: Principal | undefined, @Query() query: ContactListQueryDto): Promise<Page<Contact>> {
    this.policy.assertPortfolioReader(principal);
    return this.contacts.list(principal, query);
  }

  @Get(':id')
  get(@CurrentPrincipal() principal: Principal | undefined, @Param('id', UuidParamPipe) id: string): Promise<Contact> {
    this.policy.assertPortfolioReader(principal);
    return this.contacts.get(principal, id);
  }

  @Post()
  create(@CurrentPrincipal() principal: Principal | undefined, @Body() dto: CreateContactDto, @Ip() ip: string): Promise<Contact> {
    this.policy.assertPortfolioReader(principal);
    return this.contacts.create(principal, dto, ip);
  }

  @Patch(':id')
  update(
    @CurrentPrincipal() principal: Principal | undefined,
    @Param('id', UuidParamPipe) id: string,
    @Body() dto: UpdateContactDto,
    @Ip() ip: string,
  ): Promise<Contact> {
    this.policy.assertPortfolioReader(principal);
    return this.contacts.update(principal, id, dto, ip);
  }

  @Get(':id/export')
  @UserRateLimit('contacts-scan')
  export(@CurrentPrincipal() principal: Principal | undefined, @Param('id', UuidParamPipe) id: string, @Ip() ip: string): Promise<ContactExport> {
    this.policy.assertPortfolioReader(principal);
    return this.contacts.export(principal, id, ip);
  }

  @Delete(':id/erasure')
  @UserRateLimit('contacts-scan')
  erase(@CurrentPrincipal() principal: Principal | undefined, @Param('id', UuidParamPipe) id: string, @Ip() ip: string): Promise<ContactErasureResult> {
    this.policy.assertPortfolioReader(principal);
    return this.contacts.erase(principal, id, ip);
  }
}
