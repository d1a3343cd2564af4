import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/roles.decorator.js';
import { PagingQuery } from '../common/paging.dto.js';
import { RegisterSupporterDto } from './dto/register-supporter.dto.js';
import { SupportersService } from './supporters.service.js';

@ApiTags('supporters')
@Roles('secretary', 'administrator')
@Controller('supporters')
export class SupportersController {
  constructor(private readonly supporters: SupportersService) {}

  @Post()
  register(@Body() dto: RegisterSupporterDto) {
    return this.supporters.register(dto);
  }

  @Get()
  list(@Query() paging: PagingQuery) {
    return this.supporters.list(paging.limit, paging.offset);
  }
}
