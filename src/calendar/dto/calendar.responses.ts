import { ApiProperty } from '@nestjs/swagger';

/** The feed's address, shown this once: whoever has it reads the calendar. */
export class CalendarTokenResponse {
  @ApiProperty({
    example: 'https://umgange.kommun.se/calendar/feeds/3q2-7wEAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.ics',
    description: 'Subscribe to it in a calendar app',
  })
  url!: string;
}
