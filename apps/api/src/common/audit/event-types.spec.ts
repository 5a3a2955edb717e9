import {
  EVENT_OF_OPERATION,
  EVENT_TYPES,
  eventOf,
  eventTypesDoc,
  SYSTEM_EVENT_TYPES,
  systemEventOf,
} from './event-types';

describe('the audit operation → domain event table', () => {
  const sample = {
    entityType: 'x',
    entityId: '00000000-0000-4000-8000-000000000001',
    before: { parentId: 'p0' },
    after: { a: 1, reason: 'r', transferredFrom: undefined },
  };

  it('maps every operation to a documented type, with exactly the documented payload keys', () => {
    for (const operation of Object.keys(EVENT_OF_OPERATION)) {
      const e = eventOf({ operation, ...sample })!;
      expect(EVENT_TYPES[e.type]).toBeDefined();
      expect(Object.keys(e.payload).sort()).toEqual(Object.keys(EVENT_TYPES[e.type]?.payload ?? {}).sort());
      expect(e.version).toBe(EVENT_TYPES[e.type]?.version);
    }
  });

  it('produces every documented type from some operation, and documents each in the schema text', () => {
    const produced = new Set(
      Object.keys(EVENT_OF_OPERATION).map((operation) => eventOf({ operation, ...sample })!.type),
    );
    produced.add(eventOf({ operation: 'createMember', ...sample, after: { transferredFrom: 'Tỉnh ủy X' } })!.type);
    for (const type of SYSTEM_EVENT_TYPES) produced.add(systemEventOf(type, {}).type); // the notice job's
    expect([...produced].sort()).toEqual(Object.keys(EVENT_TYPES).sort());
    const doc = eventTypesDoc();
    for (const [type, def] of Object.entries(EVENT_TYPES)) {
      expect(doc).toContain(`\`${type}\``);
      for (const k of def.payload ? Object.keys(def.payload) : []) expect(doc).toContain(`\`${k}\``);
      for (const k of def.orgKeys ?? []) expect(Object.keys(def.payload)).toContain(k);
    }
  });

  it("gives the notice job's events exactly their documented payload keys", () => {
    for (const type of SYSTEM_EVENT_TYPES) {
      expect(Object.keys(EVENT_OF_OPERATION).map((operation) => eventOf({ operation, ...sample })!.type)).not.toContain(
        type,
      );
      const e = systemEventOf(type, { stray: 1 });
      expect(Object.keys(e.payload).sort()).toEqual(Object.keys(EVENT_TYPES[type]?.payload ?? {}).sort());
      expect(e.version).toBe(EVENT_TYPES[type]?.version);
    }
  });

  it('has no event for writes that do not matter outside', () => {
    for (const operation of [
      'addGrant',
      'createApiToken',
      'setPassword',
      'setPolicyOverride',
      'verifyAuditLog',
      'addMeetingDocument',
    ]) {
      expect(eventOf({ operation, ...sample })).toBeNull();
    }
  });

  it("tells an admission from a transfer in, and keeps a member's personal data out of the payload", () => {
    const admitted = eventOf({
      operation: 'createMember',
      entityType: 'member',
      entityId: 'm',
      after: {
        fullName: 'Nguyễn Văn An',
        nationalId: '079012345678',
        ceremonyDate: '2020-01-02',
        joinedOn: '2020-01-02',
      },
    })!;
    expect(admitted).toMatchObject({
      type: 'member.admitted',
      payload: { memberId: 'm', ceremonyDate: '2020-01-02', joinedOn: '2020-01-02', admissionDecisionDate: null },
    });
    expect(JSON.stringify(admitted.payload)).not.toMatch(/Nguyễn|079012345678/);
    expect(
      eventOf({
        operation: 'createMember',
        entityType: 'member',
        entityId: 'm',
        after: { transferredFrom: 'Đảng bộ tỉnh Y', joinedOn: '2021-03-04' },
      }),
    ).toMatchObject({
      type: 'member.transferred_in',
      payload: { memberId: 'm', joinedOn: '2021-03-04', externalOrganisation: 'Đảng bộ tỉnh Y' },
    });
    expect(
      eventOf({
        operation: 'updateMember',
        entityType: 'member',
        entityId: 'm',
        after: { residence: 'Hà Nội', job: undefined },
      })!.payload,
    ).toEqual({ memberId: 'm', fields: ['residence'] });
  });
});
