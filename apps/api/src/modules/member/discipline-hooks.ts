import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** A module that reacts when a discipline decision is recorded for a member (rating: the year's computed levels). */
export interface DisciplineListener {
  /** Runs inside the recording transaction (`m`): a failure rolls the discipline back with it. */
  disciplineRecorded(m: EntityManager, memberId: string, year: number, today: string): Promise<void>;
}

/**
 * The member module's hook for a recorded discipline. Modules above member (rating) register a listener here
 * instead of member importing them, so the dependency runs one way (rating → member, docs/architecture.md).
 */
@Injectable()
export class DisciplineHooks {
  private readonly listeners: DisciplineListener[] = [];

  register(listener: DisciplineListener): void {
    this.listeners.push(listener);
  }

  /** Every listener, in registration order, in the caller's transaction. */
  async recorded(m: EntityManager, memberId: string, year: number, today: string): Promise<void> {
    for (const l of this.listeners) await l.disciplineRecorded(m, memberId, year, today);
  }
}
