import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DECISION_NOTE_MAX, DecideProposalRequest, PROPOSAL_DECISIONS, ProposalDecision } from '@sillon/contracts';
import { IsIn, IsInt, IsNotEmpty, IsString, Matches, Max, MaxLength, Min, ValidateIf } from 'class-validator';

export class DecideProposalDto implements DecideProposalRequest {
  @ApiProperty({ enum: PROPOSAL_DECISIONS })
  @IsIn(PROPOSAL_DECISIONS)
  decision!: ProposalDecision;

  @ApiPropertyOptional({ maxLength: DECISION_NOTE_MAX, description: 'Obligatoire pour un refus : ce que la personne qui a proposé doit savoir' })
  // Required to refuse; optional (but not null) to accept.
  @ValidateIf((o: DecideProposalDto, value) => o.decision === 'refused' || value !== undefined)
  @IsString() @IsNotEmpty() @Matches(/\S/) @MaxLength(DECISION_NOTE_MAX)
  note?: string;

  @ApiProperty({ description: 'Version de la proposition sur laquelle la décision se fonde' })
  @IsInt() @Min(1) @Max(2_147_483_647)
  version!: number;
}
