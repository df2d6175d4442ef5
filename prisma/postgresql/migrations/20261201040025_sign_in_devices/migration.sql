-- CreateTable
CREATE TABLE "SignInDevice" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "lastUsedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SignInDevice_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SignInDevice_userId_idx" ON "SignInDevice"("userId");

-- CreateIndex
CREATE INDEX "SignInDevice_lastUsedAt_idx" ON "SignInDevice"("lastUsedAt");

-- AddForeignKey
ALTER TABLE "SignInDevice" ADD CONSTRAINT "SignInDevice_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
