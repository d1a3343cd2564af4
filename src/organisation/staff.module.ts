import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { StaffController } from './staff.controller.js';
import { StaffRepository } from './staff.repository.js';
import { StaffDirectory } from './staff-directory.service.js';
import { StaffProfile } from './staff-profile.entity.js';

/** Caseworkers' profiles; StaffDirectory is for every feature that names the caseworker of a case. */
@Module({
  imports: [TypeOrmModule.forFeature([StaffProfile])],
  controllers: [StaffController],
  providers: [StaffDirectory, StaffRepository],
  exports: [StaffDirectory],
})
export class StaffModule {}
