import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SupportersController } from './supporters.controller.js';
import { SupportersService } from './supporters.service.js';
import { Supporter } from './supporter.entity.js';

@Module({
  imports: [TypeOrmModule.forFeature([Supporter])],
  controllers: [SupportersController],
  providers: [SupportersService],
  exports: [SupportersService],
})
export class SupportersModule {}
