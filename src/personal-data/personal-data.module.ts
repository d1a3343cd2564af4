import { Global, Module } from '@nestjs/common';
import { PersonnummerProtector } from './personnummer-protector.service.js';
import { SealedKeysCheck } from './sealed-keys-check.js';

/** Encryption and lookup hashing of personnummer, for every module that stores them; the start-up check of their keys. */
@Global()
@Module({ providers: [PersonnummerProtector, SealedKeysCheck], exports: [PersonnummerProtector] })
export class PersonalDataModule {}
