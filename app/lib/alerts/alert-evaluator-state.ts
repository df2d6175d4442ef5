import 'server-only';
import { prisma } from '@/app/lib/db/prisma';

const EVALUATOR_ROW = 1;

/**
 * The evaluator's one row, created on first use at the newest change-feed position (older events were there before
 * any rule). Two instances creating it at once: the second finds the first's.
 */
export async function readAlertEvaluatorState(): Promise<{ feedPosition: number; timedCheckAt: Date | null }> {
  const existing = await prisma.alertEvaluator.findUnique({ where: { id: EVALUATOR_ROW } });
  if (existing) return existing;
  const newest = await prisma.feedEvent.findFirst({ orderBy: { position: 'desc' }, select: { position: true } });
  try {
    return await prisma.alertEvaluator.create({
      data: { id: EVALUATOR_ROW, feedPosition: newest?.position ?? 0, timedCheckAt: null },
    });
  } catch {
    return prisma.alertEvaluator.findUniqueOrThrow({ where: { id: EVALUATOR_ROW } });
  }
}

export const ALERT_EVALUATOR_ROW = EVALUATOR_ROW;
