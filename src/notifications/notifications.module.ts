import { Module, type OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AlertsModule } from '../alerts/alerts.module.js';
import { AlertsService } from '../alerts/alerts.service.js';
import { CasesRepositoryModule } from '../cases/cases-repository.module.js';
import { StaffModule } from '../organisation/staff.module.js';
import { UnitModule } from '../organisation/unit.module.js';
import { MailDispatch } from './mail-dispatch.service.js';
import { MailQueue } from './mail.queue.js';
import { MailSender } from './mail-sender.service.js';
import { MailTransport } from './mail-transport.service.js';
import { NotificationList } from './notification-list.service.js';
import { NotificationOutbox } from './notification-outbox.service.js';
import { MailJob } from './mail.job.js';
import { NotificationPreferences } from './notification-preferences.service.js';
import { NotificationRecipients } from './notification-recipients.service.js';
import { NotificationsController } from './notifications.controller.js';
import { NotificationsRepository } from './notifications.repository.js';
import { DigestRun } from './digest-run.entity.js';
import { NotificationItem } from './notification-item.entity.js';
import { NotificationMail } from './notification-mail.entity.js';
import { NotificationPreference } from './notification-preference.entity.js';

/** Alerts told by e-mail: written to the outbox with the alert, sent by a job, once. */
@Module({
  imports: [
    TypeOrmModule.forFeature([DigestRun, NotificationItem, NotificationMail, NotificationPreference]),
    AlertsModule,
    CasesRepositoryModule,
    StaffModule,
    UnitModule,
  ],
  controllers: [NotificationsController],
  providers: [
    NotificationRecipients,
    NotificationPreferences,
    NotificationOutbox,
    NotificationsRepository,
    NotificationList,
    MailQueue,
    MailDispatch,
    MailTransport,
    MailSender,
    MailJob,
  ],
})
export class NotificationsModule implements OnModuleInit {
  constructor(
    private readonly alerts: AlertsService,
    private readonly outbox: NotificationOutbox,
  ) {}

  onModuleInit(): void {
    this.alerts.onRaisedWithin((manager, alerts) => this.outbox.recordWithin(manager, alerts));
  }
}
