import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DisciplineHooks, type DisciplineListener } from '../member/discipline-hooks';
import { PolicyService } from '../policy/policy.service';
import { refreshAfterDiscipline } from './rating-steps';

/** A discipline recorded: the year's ratings not announced yet show the level the rules now give (rating-steps.ts). */
@Injectable()
export class RatingDisciplineListener implements DisciplineListener {
  constructor(
    hooks: DisciplineHooks,
    private readonly policies: PolicyService,
  ) {
    hooks.register(this);
  }

  disciplineRecorded(m: EntityManager, memberId: string, year: number, today: string): Promise<void> {
    return refreshAfterDiscipline(m, this.policies, memberId, year, today);
  }
}
