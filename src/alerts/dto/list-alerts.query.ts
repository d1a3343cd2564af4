import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { PagingQuery } from '../../common/paging.dto.js';
import { ResponsibleSecretaryFilter } from '../../common/responsible-secretary.query.js';
import { ALERT_KINDS, ALERT_STATUSES, type AlertKind, type AlertStatus } from '../alert-kinds.js';

export class ListAlertsQuery extends PagingQuery {
  @ApiPropertyOptional({ description: 'Only the alerts of this case' })
  @IsOptional()
  @IsUUID()
  caseId?: string;

  @ResponsibleSecretaryFilter()
  responsibleSecretary?: string;

  @ApiPropertyOptional({ enum: ALERT_KINDS })
  @IsOptional()
  @IsIn(ALERT_KINDS)
  kind?: AlertKind;

  @ApiPropertyOptional({ enum: [...ALERT_STATUSES, 'all'], default: 'open' })
  @IsOptional()
  @IsIn([...ALERT_STATUSES, 'all'])
  status: AlertStatus | 'all' = 'open';
}
