import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { PagingQuery } from '../common/paging.dto.js';
import { RegisterSupporterDto } from './dto/register-supporter.dto.js';
import { SupportersService } from './supporters.service.js';

@ApiTags('supporters')
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
