import { Module } from '@nestjs/common';
import { StaffController } from './staff.controller.js';
import { StaffDirectory } from './staff-directory.js';

/** Caseworkers' profiles; StaffDirectory is for every feature that names the caseworker of a case. */
@Module({
  controllers: [StaffController],
  providers: [StaffDirectory],
  exports: [StaffDirectory],
})
export class StaffModule {}
