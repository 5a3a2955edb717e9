import { RequestGate } from './request-gate';

const tick = () => new Promise((r) => setImmediate(r));

describe('RequestGate', () => {
  it('lets `limit` requests in at once and the others in arrival order as places are given back', async () => {
    const gate = new RequestGate(2, 10);
    const order: number[] = [];
    const leaves: (() => void)[] = [];
    const entering = [0, 1, 2, 3, 4].map((i) =>
      gate.enter().then((leave) => {
        order.push(i);
        if (leave) leaves[i] = leave;
      }),
    );
    await tick();
    expect(order).toEqual([0, 1]);
    expect(gate.figures()).toMatchObject({ active: 2, queued: 3, maxQueued: 3 });
    leaves[1]?.();
    leaves[1]?.(); // a second call gives nothing back twice
    await tick();
    expect(order).toEqual([0, 1, 2]);
    expect(gate.figures()).toMatchObject({ active: 2, queued: 2 });
    leaves[0]?.();
    leaves[2]?.();
    await tick();
    expect(order).toEqual([0, 1, 2, 3, 4]);
    leaves[3]?.();
    leaves[4]?.();
    await Promise.all(entering);
    expect(gate.figures()).toEqual({ active: 0, maxActive: 2, queued: 0, maxQueued: 3, rejected: 0 });
  });

  it('refuses at once when the queue is full, and counts the refusals', async () => {
    const gate = new RequestGate(1, 1);
    const first = await gate.enter();
    const second = gate.enter();
    expect(await gate.enter()).toBeNull();
    expect(gate.figures()).toMatchObject({ active: 1, queued: 1, rejected: 1 });
    first?.();
    const leave = await second;
    expect(typeof leave).toBe('function');
    leave?.();
    expect(gate.figures()).toMatchObject({ active: 0, queued: 0 });
  });

  it('needs a limit of at least one', () => {
    expect(() => new RequestGate(0, 10)).toThrow('limit must be at least 1');
  });
});
