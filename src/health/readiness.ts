import { Injectable } from '@nestjs/common';

/**
 * Whether this process takes new work. It stops when the process is told to shut down: the
 * readiness check then answers 503, so the load balancer sends no more requests here, while the
 * ones already in flight finish before the server closes (drainThenClose).
 */
@Injectable()
export class Readiness {
  private drainingSince: Date | undefined;

  startDraining(): void {
    this.drainingSince ??= new Date();
  }

  get draining(): boolean {
    return this.drainingSince !== undefined;
  }
}
