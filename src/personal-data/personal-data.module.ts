import { Global, Module } from '@nestjs/common';
import { PersonnummerProtector } from './personnummer-protector.service.js';

/** Encryption and lookup hashing of personnummer, for every module that stores them. */
@Global()
@Module({ providers: [PersonnummerProtector], exports: [PersonnummerProtector] })
export class PersonalDataModule {}
