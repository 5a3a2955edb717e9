import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({
  description: "One check of the audit log's hash chain (`audit verify`, or the verifyAuditLog mutation).",
})
export class AuditVerification {
  @Field({ description: 'Identifier of the check.' }) id!: string;
  @Field(() => Date, { description: 'When the check ran.' }) at!: Date;
  @Field({ description: 'True when every row matches its hash and every seal its rows and the seal before it.' })
  ok!: boolean;
  @Field(() => Int, { description: 'Audit rows checked.' }) rowsChecked!: number;
  @Field(() => Int, { description: 'Seals (batches of row hashes) checked.' }) sealsChecked!: number;
  @Field(() => Int, {
    description: 'Rows not sealed yet (newer than the last sealing): only their own hash protects them.',
  })
  unsealedRows!: number;
  @Field(() => String, {
    nullable: true,
    description: 'The first audit row found changed, or the first row of the first broken seal.',
  })
  firstBrokenId!: string | null;
  @Field(() => Int, {
    nullable: true,
    description: 'The first seal that does not match its rows or does not follow the seal before it.',
  })
  brokenSeal!: number | null;
  @Field(() => String, { nullable: true, description: 'What is broken, in words (null when ok).' }) problem!:
    string | null;
  @Field(() => String, {
    nullable: true,
    description: "Hex SHA-256 digest of the newest seal: keep it outside the database to pin the chain's end.",
  })
  lastDigest!: string | null;
  @Field({ description: 'Who ran the check.' }) runBy!: string;
}

@ObjectType({
  description:
    "The audit chain on one day (Vietnam time): the seals made and the chain's digest at the end of the day.",
})
export class AuditDailyDigest {
  @Field({ description: 'Day (YYYY-MM-DD).' }) day!: string;
  @Field(() => Int, { description: 'Seals made that day.' }) seals!: number;
  @Field(() => Int, { description: 'Audit rows they sealed.' }) rows!: number;
  @Field(() => Int, { description: 'First seal of the day.' }) firstSeq!: number;
  @Field(() => Int, { description: 'Last seal of the day.' }) lastSeq!: number;
  @Field({ description: "Hex SHA-256 digest of the day's last seal (it covers every row sealed up to then)." })
  lastDigest!: string;
}
