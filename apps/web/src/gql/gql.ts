/* eslint-disable */
import * as types from './graphql';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query Admissions($organisationId: ID!, $from: Date!, $to: Date!, $asOf: Date, $page: PageInput) {\n    admissions(organisationId: $organisationId, from: $from, to: $to, asOf: $asOf, page: $page) {\n      total\n      items { memberId fullName admissionDecisionDate admittedIn { id name } organisation { id name } status }\n    }\n  }\n": typeof types.AdmissionsDocument,
    "\n  query OrganisationName($id: ID!, $asOf: Date) {\n    organisation(id: $id, asOf: $asOf) { id name }\n  }\n": typeof types.OrganisationNameDocument,
    "\n  query PickerChildren($id: ID!, $asOf: Date) {\n    organisation(id: $id, asOf: $asOf) { id children { id name childCount } }\n  }\n": typeof types.PickerChildrenDocument,
    "\n  query ReportOrganisation($id: ID!, $asOf: Date) {\n    organisation(id: $id, asOf: $asOf) { id name kind parent { id name } }\n  }\n": typeof types.ReportOrganisationDocument,
    "\n  query AdminUsers($page: PageInput) {\n    users(page: $page) {\n      total\n      items { id username displayName isActive lastSignInAt memberId grants { id role organisationId memberId } }\n    }\n  }\n": typeof types.AdminUsersDocument,
    "\n  query AdminApiTokens($page: PageInput) {\n    apiTokens(page: $page) { total items { id name tokenPrefix organisationId access createdAt expiresAt revokedAt lastUsedAt } }\n  }\n": typeof types.AdminApiTokensDocument,
    "\n  query AdminAuditLog($filter: AuditFilter, $page: PageInput) {\n    auditLog(filter: $filter, page: $page) {\n      total\n      items { id at actorType actorName operation entityType entityId before after requestId }\n    }\n  }\n": typeof types.AdminAuditLogDocument,
    "\n  query AdminAuditVerification {\n    auditVerification { id at ok rowsChecked sealsChecked unsealedRows firstBrokenId brokenSeal problem lastDigest runBy }\n  }\n": typeof types.AdminAuditVerificationDocument,
    "\n  query AdminMemberSearch($search: String!) {\n    members(filter: { search: $search }, page: { limit: 20 }) { items { id fullName organisation { name } } }\n  }\n": typeof types.AdminMemberSearchDocument,
    "\n  mutation AdminCreateUser($input: CreateUserInput!) { createUser(input: $input) { id username } }\n": typeof types.AdminCreateUserDocument,
    "\n  mutation AdminSetUserPassword($userId: ID!, $password: String!) { setUserPassword(userId: $userId, password: $password) }\n": typeof types.AdminSetUserPasswordDocument,
    "\n  mutation AdminAddGrant($input: AddGrantInput!) { addGrant(input: $input) { id } }\n": typeof types.AdminAddGrantDocument,
    "\n  mutation AdminRemoveGrant($id: ID!) { removeGrant(id: $id) }\n": typeof types.AdminRemoveGrantDocument,
    "\n  mutation AdminCreateApiToken($input: CreateApiTokenInput!) { createApiToken(input: $input) { secret token { id name } } }\n": typeof types.AdminCreateApiTokenDocument,
    "\n  mutation AdminVerifyAuditLog { verifyAuditLog { id ok } }\n": typeof types.AdminVerifyAuditLogDocument,
    "\n  mutation AdminRevokeApiToken($id: ID!) { revokeApiToken(id: $id) { id } }\n": typeof types.AdminRevokeApiTokenDocument,
    "\n  query AdminWebhookSubscriptions($page: PageInput) {\n    webhookSubscriptions(page: $page) {\n      total\n      items {\n        id organisationId targetUrl eventTypes description active disabledAt disabledReason failingSince createdBy createdAt\n        lastDelivery { id status attempts responseStatus lastAttemptAt error }\n      }\n    }\n  }\n": typeof types.AdminWebhookSubscriptionsDocument,
    "\n  query AdminWebhookEventTypes { webhookEventTypes { type when } }\n": typeof types.AdminWebhookEventTypesDocument,
    "\n  query AdminWebhookDeliveries($subscriptionId: ID!, $status: WebhookDeliveryStatus, $first: Int, $after: String) {\n    webhookDeliveries(subscriptionId: $subscriptionId, status: $status, first: $first, after: $after) {\n      endCursor hasMore\n      items { id eventId eventType eventOccurredAt status attempts lastAttemptAt nextAttemptAt deliveredAt responseStatus durationMs error }\n    }\n  }\n": typeof types.AdminWebhookDeliveriesDocument,
    "\n  mutation AdminCreateWebhookSubscription($input: CreateWebhookSubscriptionInput!) {\n    createWebhookSubscription(input: $input) { secret subscription { id targetUrl } }\n  }\n": typeof types.AdminCreateWebhookSubscriptionDocument,
    "\n  mutation AdminSetWebhookActive($id: ID!, $active: Boolean!) { updateWebhookSubscription(id: $id, input: { active: $active }) { id active } }\n": typeof types.AdminSetWebhookActiveDocument,
    "\n  mutation AdminDisableWebhook($id: ID!, $reason: String) { disableWebhookSubscription(id: $id, reason: $reason) { id active } }\n": typeof types.AdminDisableWebhookDocument,
    "\n  mutation AdminReplayWebhookDelivery($id: ID!) { replayWebhookDelivery(id: $id) { id status } }\n": typeof types.AdminReplayWebhookDeliveryDocument,
    "\n  mutation AdminReplayWebhookDeliveries($subscriptionId: ID!, $from: DateTime!, $to: DateTime!) {\n    replayWebhookDeliveries(subscriptionId: $subscriptionId, from: $from, to: $to)\n  }\n": typeof types.AdminReplayWebhookDeliveriesDocument,
    "\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      accessToken\n      accessTokenExpiresAt\n      viewer { id username displayName isAdmin }\n    }\n  }\n": typeof types.SignInDocument,
    "\n  query MeetingCompliance($input: ComplianceInput!) {\n    meetingCompliance(input: $input) {\n      cellCount behindCount behindPercent attendancePercent\n      counts { kind count }\n      cells {\n        behind regularHeld thematicHeld attendancePercent\n        organisation { id name parent { id name } }\n        missing { kind period dueOn }\n      }\n    }\n  }\n": typeof types.MeetingComplianceDocument,
    "\n  query Alerts($input: AlertsInput!) {\n    alerts(input: $input) {\n      asOf year total offset limit\n      countsByCode { code severity count }\n      countsBySeverity { severity count }\n      items {\n        code severity entity message messageEn dueOn memberId memberName meetingId visitId\n        organisation { id code name }\n      }\n    }\n  }\n": typeof types.AlertsDocument,
    "\n  query AlertCounts($input: AlertsInput!) {\n    alerts(input: $input) {\n      total\n      countsByCode { code severity count }\n      countsBySeverity { severity count }\n    }\n  }\n": typeof types.AlertCountsDocument,
    "\n  query Dashboard($input: DashboardInput!) {\n    dashboard(input: $input) {\n      asOf year from to\n      organisation { id name kind ancestors { id name } }\n      members {\n        members fullMembers probationaryMembers exemptMembers admissions yearStart membersAtYearStart\n        leftInPeriod { status count }\n        trend { year date members fullMembers probationaryMembers admissions }\n      }\n      meetings { from to cells cellsBehind behindPercent attendancePercent regularHeld thematicHeld held byKind { kind count } }\n      visits { asOf assignments assignmentsBehind behindPercent required done scored unscored cells cellsWithoutVisitor }\n      children {\n        organisation { id code name kind }\n        members cells cellsBehind behindPercent visitAssignments visitAssignmentsBehind alerts alertErrors\n      }\n      alerts { total countsByCode { code severity count } countsBySeverity { severity count } }\n    }\n  }\n": typeof types.DashboardDocument,
    "\n  query DashboardInspectionTarget($input: InspectionTargetInput!) {\n    inspectionTarget(input: $input) { referenceDate subjectCount metCount behindCount percent projectedMetCount projectedPercent }\n  }\n": typeof types.DashboardInspectionTargetDocument,
    "\n  query DashboardRatingFigures($input: RatingFiguresInput!) {\n    ratingFigures(input: $input) {\n      asOf year\n      groups {\n        subjectKind\n        current {\n          total rated notRated excellentOfWellCompletedOrBetter\n          wellCompletedOrBetter { count percent }\n          levels { level count percent }\n        }\n      }\n    }\n  }\n": typeof types.DashboardRatingFiguresDocument,
    "\n  query DashboardRatingRounds($year: Int) {\n    ratingRounds(year: $year) { state periodKind }\n  }\n": typeof types.DashboardRatingRoundsDocument,
    "\n  query DashboardAdmissionProgress($organisationId: ID!, $year: Int!, $asOf: Date) {\n    admissionProgress(organisationId: $organisationId, year: $year, asOf: $asOf) {\n      from to admitted target percent met remaining targetKind targetPercent membersAtTermStart termStart\n    }\n  }\n": typeof types.DashboardAdmissionProgressDocument,
    "\n  query DashboardMembers($filter: MemberFilter, $asOf: Date, $page: PageInput) {\n    members(filter: $filter, asOf: $asOf, page: $page) {\n      total\n      items { id fullName status organisation { id name } }\n    }\n  }\n": typeof types.DashboardMembersDocument,
    "\n  query DashboardMeetings($filter: MeetingFilter, $page: PageInput) {\n    meetingList(filter: $filter, page: $page) {\n      total\n      items { id title date kind state organisation { id name } }\n    }\n  }\n": typeof types.DashboardMeetingsDocument,
    "\n  query DashboardVisitCoverage($input: VisitCoverageInput!) {\n    visitCoverage(input: $input) {\n      asOf\n      lines {\n        behind required dueSoFar done scored unscored\n        cell { id name parent { id name } }\n        assignment { id visitorName }\n      }\n      unassignedCells { id name parent { id name } }\n    }\n  }\n": typeof types.DashboardVisitCoverageDocument,
    "\n  mutation RecordDuesPayment($input: RecordDuesPaymentInput!) {\n    recordDuesPayment(input: $input) { id month amount paidOn channel }\n  }\n": typeof types.RecordDuesPaymentDocument,
    "\n  mutation CancelDuesPayment($id: ID!, $reason: String!) {\n    cancelDuesPayment(id: $id, reason: $reason) { id cancelledAt cancelReason }\n  }\n": typeof types.CancelDuesPaymentDocument,
    "\n  mutation SetDuesBasis($input: SetDuesBasisInput!) {\n    setDuesBasis(input: $input) { id from to basis amount }\n  }\n": typeof types.SetDuesBasisDocument,
    "\n  mutation GrantDuesRelief($input: GrantDuesReliefInput!) {\n    grantDuesRelief(input: $input) { id kind percent from to }\n  }\n": typeof types.GrantDuesReliefDocument,
    "\n  query DuesFigures($organisationId: ID!, $year: Int!) {\n    duesFigures(organisationId: $organisationId, year: $year) {\n      year throughMonth\n      total { organisationId members due collected collectedAhead outstanding collectedPercent membersInArrears membersWithoutBasis }\n      children {\n        organisationId members due collected collectedAhead outstanding collectedPercent membersInArrears membersWithoutBasis\n        organisation { id code name }\n      }\n    }\n  }\n": typeof types.DuesFiguresDocument,
    "\n  fragment DuesMemberYearFields on DuesMemberYear {\n    memberId fullName organisationId year dueTotal paidTotal paidAhead unpaidMonths shortMonths unknownMonths outstanding inArrears\n    months { month organisationId due standard reason deferred paid }\n  }\n": typeof types.DuesMemberYearFieldsFragmentDoc,
    "\n  query DuesSheet($organisationId: ID!, $year: Int!, $page: PageInput) {\n    duesSheet(organisationId: $organisationId, year: $year, page: $page) { total offset items { ...DuesMemberYearFields } }\n  }\n": typeof types.DuesSheetDocument,
    "\n  query DuesArrears($organisationId: ID!, $year: Int!, $page: PageInput) {\n    duesArrears(organisationId: $organisationId, year: $year, page: $page) { total offset items { ...DuesMemberYearFields } }\n  }\n": typeof types.DuesArrearsDocument,
    "\n  query MemberDues($memberId: ID!, $year: Int!) {\n    memberDues(memberId: $memberId, year: $year) {\n      year { ...DuesMemberYearFields }\n      payments { id month amount paidOn channel note recordedBy cancelledAt cancelReason }\n      bases { id from to basis amount note }\n      reliefs { id kind percent from to decidedOn reason }\n    }\n  }\n": typeof types.MemberDuesDocument,
    "\n  mutation ImportMembers($input: ImportFileInput!) {\n    importMembers(input: $input) { created updated skipped problems { row column reason } }\n  }\n": typeof types.ImportMembersDocument,
    "\n  mutation ImportOrganisations($input: ImportFileInput!) {\n    importOrganisations(input: $input) { created updated skipped problems { row column reason } }\n  }\n": typeof types.ImportOrganisationsDocument,
    "\n  mutation ImportDuesPayments($input: ImportDuesPaymentsInput!) {\n    importDuesPayments(input: $input) {\n      dryRun rows created amount duplicates skipped\n      problems { row column reason code }\n      payments { row memberId fullName month amount paidOn channel reference }\n    }\n  }\n": typeof types.ImportDuesPaymentsDocument,
    "\n  fragment InspectionListFields on Inspection {\n    id organisationId body type title plannedFrom plannedTo startedOn concludedOn state countsTowardTarget\n    organisation { id name }\n    subjects { memberId }\n  }\n": typeof types.InspectionListFieldsFragmentDoc,
    "\n  fragment DisciplineFields on Discipline {\n    id memberId form decidingBody decidedOn reason\n  }\n": typeof types.DisciplineFieldsFragmentDoc,
    "\n  fragment InspectionDetailFields on Inspection {\n    id organisationId planId body type title contentAreas method reviewFrom reviewTo plannedFrom plannedTo\n    startedOn concludedOn state conclusion recommendation cancelledReason countsTowardTarget\n    organisation { id name kind ancestors { id } }\n    plan { id year organisationId }\n    subjects {\n      memberId selfReport strengths shortcomings violations conclusion\n      member { id fullName status }\n      discipline { ...DisciplineFields }\n    }\n    disciplines { ...DisciplineFields }\n  }\n": typeof types.InspectionDetailFieldsFragmentDoc,
    "\n  fragment PlanFields on InspectionPlan {\n    id organisationId year purpose content subjectMemberIds reviewFrom reviewTo timing method adoptedOn note\n    subjects { id fullName }\n    inspections { id state }\n  }\n": typeof types.PlanFieldsFragmentDoc,
    "\n  query InspectionCellMembers($organisationId: ID!, $asOf: Date) {\n    members(filter: { organisationId: $organisationId }, page: { offset: 0, limit: 500 }, asOf: $asOf) {\n      total\n      items { id fullName status }\n    }\n  }\n": typeof types.InspectionCellMembersDocument,
    "\n  query Inspections($filter: InspectionFilter, $page: PageInput) {\n    inspections(filter: $filter, page: $page) {\n      total offset limit\n      items { ...InspectionListFields }\n    }\n  }\n": typeof types.InspectionsDocument,
    "\n  query Inspection($id: ID!) {\n    inspection(id: $id) { ...InspectionDetailFields }\n  }\n": typeof types.InspectionDocument,
    "\n  query InspectionPlans($organisationId: ID, $year: Int) {\n    inspectionPlans(organisationId: $organisationId, year: $year, page: { offset: 0, limit: 50 }) {\n      items { ...PlanFields }\n    }\n  }\n": typeof types.InspectionPlansDocument,
    "\n  query InspectionOrganisation($id: ID!, $asOf: Date) {\n    organisation(id: $id, asOf: $asOf) { id name kind ancestors { id } }\n  }\n": typeof types.InspectionOrganisationDocument,
    "\n  query InspectionTarget($input: InspectionTargetInput!, $filter: TargetCellFilter!) {\n    inspectionTarget(input: $input) {\n      year asOf referenceDate subjectCount metCount behindCount percent percentText\n      projectedMetCount projectedPercent concludedTotal\n      organisation { id name }\n      cells(filter: $filter) {\n        hasCellCommittee required concluded inProgress planned missing met onPace projectedConcluded joinedDuringYear\n        organisation { id code name }\n        parent { id name }\n      }\n    }\n  }\n": typeof types.InspectionTargetDocument,
    "\n  query SupervisionCoverage($input: InspectionTargetInput!) {\n    supervisionCoverage(input: $input) {\n      year referenceDate minPercent maxPercent cellCount metCount metPercent members supervised percent\n      cells(filter: BELOW) {\n        members supervised percent status met\n        organisation { id name parent { id name } }\n      }\n    }\n  }\n": typeof types.SupervisionCoverageDocument,
    "\n  mutation PlanInspection($input: PlanInspectionInput!) {\n    planInspection(input: $input) { ...InspectionDetailFields }\n  }\n": typeof types.PlanInspectionDocument,
    "\n  mutation StartInspection($id: ID!, $input: StartInspectionInput!) {\n    startInspection(id: $id, input: $input) { ...InspectionDetailFields }\n  }\n": typeof types.StartInspectionDocument,
    "\n  mutation ConcludeInspection($id: ID!, $input: ConcludeInspectionInput!) {\n    concludeInspection(id: $id, input: $input) { ...InspectionDetailFields }\n  }\n": typeof types.ConcludeInspectionDocument,
    "\n  mutation CancelInspection($id: ID!, $reason: String!) {\n    cancelInspection(id: $id, reason: $reason) { ...InspectionDetailFields }\n  }\n": typeof types.CancelInspectionDocument,
    "\n  mutation CreateInspectionPlan($input: CreateInspectionPlanInput!) {\n    createInspectionPlan(input: $input) { ...PlanFields }\n  }\n": typeof types.CreateInspectionPlanDocument,
    "\n  mutation UpdateInspectionPlan($id: ID!, $input: InspectionPlanInput!) {\n    updateInspectionPlan(id: $id, input: $input) { ...PlanFields }\n  }\n": typeof types.UpdateInspectionPlanDocument,
    "\n  fragment MeetingListFields on Meeting {\n    id organisationId kind title date startTime endTime actualStart actualEnd place state\n    organisation { id name }\n    attendanceRate { present expected percent }\n    flags { code severity message messageEn }\n  }\n": typeof types.MeetingListFieldsFragmentDoc,
    "\n  fragment MeetingDetailFields on Meeting {\n    ...MeetingListFields\n    mode format formatNote theme topics chairMemberId minuteTakerMemberId\n    guests minutes resolution votesFor votesAgainst votesAbstain\n    tasks { text assigneeMemberId dueOn }\n    selfAssessment selfTotal cancelledReason closedAt version\n    attendance { memberId status reason late leftEarly }\n    amendments { id reason amendedAt amendedBy before after }\n    documentList { id kind name url mimeType sizeBytes createdAt }\n    visitRecords { id visitorUserId visitorName attended total maxTotal level selfTotal scoreGapWarning guidance issues followUp }\n  }\n": typeof types.MeetingDetailFieldsFragmentDoc,
    "\n  query MeetingCellMembers($organisationId: ID!, $asOf: Date) {\n    members(filter: { organisationId: $organisationId }, page: { offset: 0, limit: 500 }, asOf: $asOf) {\n      total\n      items { id fullName status exemption }\n    }\n  }\n": typeof types.MeetingCellMembersDocument,
    "\n  query Meeting($id: ID!) {\n    meeting(id: $id) { ...MeetingDetailFields }\n  }\n": typeof types.MeetingDocument,
    "\n  query MeetingList($filter: MeetingFilter, $page: PageInput) {\n    meetingList(filter: $filter, page: $page) {\n      total offset limit\n      items { ...MeetingListFields }\n    }\n  }\n": typeof types.MeetingListDocument,
    "\n  query CellMonthMeetings($filter: MeetingFilter) {\n    meetingList(filter: $filter, page: { offset: 0, limit: 50 }) {\n      items { id kind state date title }\n    }\n  }\n": typeof types.CellMonthMeetingsDocument,
    "\n  query MeetingMyAssignments($userId: ID) {\n    visitAssignments(visitorUserId: $userId) { id cellId from to }\n  }\n": typeof types.MeetingMyAssignmentsDocument,
    "\n  query MeetingOrganisation($id: ID!, $asOf: Date) {\n    organisation(id: $id, asOf: $asOf) {\n      id name kind\n      parent { id name kind }\n      ancestors { id name kind }\n      committee { role member { id fullName } }\n    }\n  }\n": typeof types.MeetingOrganisationDocument,
    "\n  mutation AddMeetingDocument($meetingId: ID!, $input: AddMeetingDocumentInput!) {\n    addMeetingDocument(meetingId: $meetingId, input: $input) { id kind name url mimeType sizeBytes createdAt }\n  }\n": typeof types.AddMeetingDocumentDocument,
    "\n  mutation RemoveMeetingDocument($id: ID!) {\n    removeMeetingDocument(id: $id)\n  }\n": typeof types.RemoveMeetingDocumentDocument,
    "\n  query MeetingDocumentContent($id: ID!) {\n    meetingDocumentContent(id: $id)\n  }\n": typeof types.MeetingDocumentContentDocument,
    "\n  mutation CreateMeeting($input: CreateMeetingInput!) {\n    createMeeting(input: $input) { ...MeetingDetailFields }\n  }\n": typeof types.CreateMeetingDocument,
    "\n  mutation UpdateMeeting($id: ID!, $input: MeetingPlanInput!) {\n    updateMeeting(id: $id, input: $input) { ...MeetingDetailFields }\n  }\n": typeof types.UpdateMeetingDocument,
    "\n  mutation RecordMeeting($id: ID!, $input: MeetingRecordInput!, $expectedVersion: Int, $clientKey: String) {\n    recordMeeting(id: $id, input: $input, expectedVersion: $expectedVersion, clientKey: $clientKey) { ...MeetingDetailFields }\n  }\n": typeof types.RecordMeetingDocument,
    "\n  mutation CloseMeeting($id: ID!) {\n    closeMeeting(id: $id) { ...MeetingDetailFields }\n  }\n": typeof types.CloseMeetingDocument,
    "\n  mutation CancelMeeting($id: ID!, $reason: String!) {\n    cancelMeeting(id: $id, reason: $reason) { ...MeetingDetailFields }\n  }\n": typeof types.CancelMeetingDocument,
    "\n  mutation AmendMeeting($id: ID!, $reason: String!, $input: MeetingRecordInput!) {\n    amendMeeting(id: $id, reason: $reason, input: $input) { ...MeetingDetailFields }\n  }\n": typeof types.AmendMeetingDocument,
    "\n  query Member($id: ID!, $asOf: Date) {\n    member(id: $id, asOf: $asOf) {\n      id fullName birthDate gender ethnicity religion homeTown residence nationalId\n      cardNumber fileNumber leftOn admissionDecisionDate ceremonyDate fullMembershipDate introducers\n      educationGeneral educationProfessional politicalTheory job post courseCompletedOn admissionAgeApproval\n      status exemption temporarilyAway allowedEvents\n      organisation { id name ancestors { id } }\n      partyAge { years months }\n      probationState probationEnd recognitionDeadline\n      nextBadge { milestone reachedOn awardOn }\n      events {\n        id type effectiveOn organisationId toOrganisationId externalOrganisation reason note endOn recordedAt\n      }\n      disciplines { id form decidingBody decidedOn reason }\n      attendanceHistory(page: { limit: 100 }) {\n        from to total notRecorded rate { present expected percent }\n        items { meetingId date kind title cellName status late canOpen }\n      }\n    }\n  }\n": typeof types.MemberDocument,
    "\n  query Members($filter: MemberFilter, $page: PageInput, $asOf: Date) {\n    members(filter: $filter, page: $page, asOf: $asOf) {\n      total offset limit\n      items {\n        id fullName birthDate gender status cardNumber ceremonyDate fullMembershipDate probationState post\n        partyAge { years months }\n        organisation { id name }\n      }\n    }\n  }\n": typeof types.MembersDocument,
    "\n  mutation CreateMember($input: CreateMemberInput!) {\n    createMember(input: $input) { id fullName }\n  }\n": typeof types.CreateMemberDocument,
    "\n  mutation UpdateMember($id: ID!, $input: MemberDataInput!) {\n    updateMember(id: $id, input: $input) { id fullName }\n  }\n": typeof types.UpdateMemberDocument,
    "\n  mutation RecordMemberEvent($input: MemberEventInput!) {\n    recordMemberEvent(input: $input) { id status }\n  }\n": typeof types.RecordMemberEventDocument,
    "\n  mutation RecordDiscipline($input: RecordDisciplineInput!) {\n    recordDiscipline(input: $input) { id form }\n  }\n": typeof types.RecordDisciplineDocument,
    "\n  query MyNotices($unreadOnly: Boolean, $page: PageInput) {\n    myNotices(unreadOnly: $unreadOnly, page: $page) {\n      total\n      unreadCount\n      items { id kind code title titleEn body bodyEn link dueOn createdAt readAt }\n    }\n  }\n": typeof types.MyNoticesDocument,
    "\n  mutation MarkNoticesRead($ids: [ID!]!) {\n    markNoticesRead(ids: $ids)\n  }\n": typeof types.MarkNoticesReadDocument,
    "\n  mutation MarkAllNoticesRead {\n    markAllNoticesRead\n  }\n": typeof types.MarkAllNoticesReadDocument,
    "\n  query MyUnreadNoticeCount {\n    myUnreadNoticeCount\n  }\n": typeof types.MyUnreadNoticeCountDocument,
    "\n  query OrganisationChildren($id: ID!, $asOf: Date) {\n    organisation(id: $id, asOf: $asOf) {\n      id\n      children { id code name kind childCount }\n    }\n  }\n": typeof types.OrganisationChildrenDocument,
    "\n  query OrganisationPath($id: ID!, $asOf: Date) {\n    organisation(id: $id, asOf: $asOf) {\n      id\n      ancestors { id }\n    }\n  }\n": typeof types.OrganisationPathDocument,
    "\n  query Organisation($id: ID!, $asOf: Date) {\n    organisation(id: $id, asOf: $asOf) {\n      id code name kind levelName unitServed\n      establishedOn dissolvedOn termStart termEnd termType\n      terms { start end type inForce }\n      hasCellCommittee\n      parent { id name }\n      ancestors { id name }\n      flags { code severity message messageEn }\n      subtreeCounts {\n        organisations\n        byKind { kind count }\n        members fullMembers probationaryMembers\n      }\n      committee { id role from to member { id fullName } }\n      children { id code name kind childCount dissolvedOn memberCount fullMemberCount probationaryCount }\n      history { id type effectiveOn note recordedAt fromParentId toParentId relatedId }\n    }\n  }\n": typeof types.OrganisationDocument,
    "\n  mutation CreateOrganisation($input: CreateOrganisationInput!) {\n    createOrganisation(input: $input) { id name }\n  }\n": typeof types.CreateOrganisationDocument,
    "\n  mutation UpdateOrganisation($id: ID!, $input: UpdateOrganisationInput!) {\n    updateOrganisation(id: $id, input: $input) { id name }\n  }\n": typeof types.UpdateOrganisationDocument,
    "\n  mutation MoveOrganisation($input: MoveOrganisationInput!) {\n    moveOrganisation(input: $input) { id name }\n  }\n": typeof types.MoveOrganisationDocument,
    "\n  mutation DissolveOrganisation($input: DissolveOrganisationInput!) {\n    dissolveOrganisation(input: $input) { id name }\n  }\n": typeof types.DissolveOrganisationDocument,
    "\n  mutation MergeOrganisations($input: MergeOrganisationsInput!) {\n    mergeOrganisations(input: $input) { id name }\n  }\n": typeof types.MergeOrganisationsDocument,
    "\n  mutation SplitOrganisation($input: SplitOrganisationInput!) {\n    splitOrganisation(input: $input) { id name }\n  }\n": typeof types.SplitOrganisationDocument,
    "\n  mutation AssignCommitteeSeat($input: AssignCommitteeSeatInput!) {\n    assignCommitteeSeat(input: $input) { id }\n  }\n": typeof types.AssignCommitteeSeatDocument,
    "\n  mutation EndCommitteeSeat($input: EndCommitteeSeatInput!) {\n    endCommitteeSeat(input: $input) { id }\n  }\n": typeof types.EndCommitteeSeatDocument,
    "\n  query SplitMembers($id: ID!, $asOf: Date) {\n    members(filter: { organisationId: $id }, page: { limit: 500 }, asOf: $asOf) {\n      items { id fullName status organisation { id } }\n    }\n  }\n": typeof types.SplitMembersDocument,
    "\n  query CellVisitAssignments($cellId: ID!) {\n    visitAssignments(cellId: $cellId) { id cellId from to requiredPerYear visitorUserId visitorName }\n  }\n": typeof types.CellVisitAssignmentsDocument,
    "\n  query AssignableVisitors($organisationId: ID!, $asOf: Date) {\n    assignableVisitors(organisationId: $organisationId, asOf: $asOf) { id username displayName followsCells }\n  }\n": typeof types.AssignableVisitorsDocument,
    "\n  mutation AssignVisitor($input: AssignVisitorInput!) {\n    assignVisitor(input: $input) { id }\n  }\n": typeof types.AssignVisitorDocument,
    "\n  mutation EndVisitAssignment($id: ID!, $to: Date!) {\n    endVisitAssignment(id: $id, to: $to) { id to }\n  }\n": typeof types.EndVisitAssignmentDocument,
    "\n  query SeatCandidates($organisationId: ID!, $search: String) {\n    members(filter: { organisationId: $organisationId, search: $search }, page: { limit: 20 }) { items { id fullName organisation { name } } }\n  }\n": typeof types.SeatCandidatesDocument,
    "\n  fragment RoundFields on RatingRound {\n    id organisationId year periodKind periodLabel title selfAssessmentDue proposalDue decisionDue state openedAt openedBy\n    announcedAt ratingCount decidedCount\n  }\n": typeof types.RoundFieldsFragmentDoc,
    "\n  fragment RatingFields on Rating {\n    id roundId year subjectKind memberId subjectOrganisationId subjectName organisationId organisationName proposerId\n    deciderId quotaGroupId scheme rawLabel score computedLevel blockReasons proposedLevel proposalNote decidedLevel\n    decisionReason quotaOverrideReason stage selfAssessedAt\n    selfAssessment { generalPoints taskPoints tasks { assigned completed onTime exceeded } shortcomingsFixed note }\n  }\n": typeof types.RatingFieldsFragmentDoc,
    "\n  fragment FigureSetFields on RatingFigureSet {\n    total rated notRated levels { level count percent } wellCompletedOrBetter { count percent }\n    excellentOfWellCompletedOrBetter excellentOfRated\n  }\n": typeof types.FigureSetFieldsFragmentDoc,
    "\n  fragment FiguresFields on RatingFigures {\n    organisationId year asOf\n    groups {\n      subjectKind\n      current { ...FigureSetFields }\n      previous { ...FigureSetFields }\n      change {\n        rated levels { level count points } wellCompletedOrBetter { count points } excellentOfWellCompletedOrBetter\n        excellentOfRated\n      }\n    }\n  }\n": typeof types.FiguresFieldsFragmentDoc,
    "\n  query RatingBody($id: ID!, $asOf: Date) {\n    organisation(id: $id, asOf: $asOf) { id ancestors { id } }\n  }\n": typeof types.RatingBodyDocument,
    "\n  query RatingFigures($input: RatingFiguresInput!) {\n    ratingFigures(input: $input) { ...FiguresFields }\n  }\n": typeof types.RatingFiguresDocument,
    "\n  query RatingFigureRows($input: RatingFigureRowsInput!, $page: PageInput) {\n    ratingFigureRows(input: $input, page: $page) {\n      total\n      items { subjectKind memberId subjectOrganisationId name organisationId organisationName ratingId level scheme rawLabel notRatedReason }\n    }\n  }\n": typeof types.RatingFigureRowsDocument,
    "\n  query AdmissionProgress($organisationId: ID!, $year: Int!) {\n    admissionProgress(organisationId: $organisationId, year: $year) {\n      from to targetKind targetPercent termStart membersAtTermStart target admitted percent met remaining\n    }\n  }\n": typeof types.AdmissionProgressDocument,
    "\n  query RatingMembers($organisationId: ID!, $search: String, $asOf: Date) {\n    members(filter: { organisationId: $organisationId, search: $search }, page: { offset: 0, limit: 30 }, asOf: $asOf) {\n      items { id fullName organisationId }\n    }\n  }\n": typeof types.RatingMembersDocument,
    "\n  query RatingPolicy($organisationId: ID!, $asOf: Date) {\n    policy(organisationId: $organisationId, asOf: $asOf)\n  }\n": typeof types.RatingPolicyDocument,
    "\n  query RatingRounds($organisationId: ID, $year: Int) {\n    ratingRounds(organisationId: $organisationId, year: $year) { ...RoundFields }\n  }\n": typeof types.RatingRoundsDocument,
    "\n  query RatingRound($id: ID!) {\n    ratingRound(id: $id) { ...RoundFields }\n  }\n": typeof types.RatingRoundDocument,
    "\n  query RatingRoundStages($id: ID!) {\n    SELF_ASSESSED: ratings(filter: { roundId: $id, stages: [SELF_ASSESSED] }, page: { limit: 1 }) { total }\n    PROPOSED: ratings(filter: { roundId: $id, stages: [PROPOSED] }, page: { limit: 1 }) { total }\n    DECIDED: ratings(filter: { roundId: $id, stages: [DECIDED] }, page: { limit: 1 }) { total }\n    ANNOUNCED: ratings(filter: { roundId: $id, stages: [ANNOUNCED] }, page: { limit: 1 }) { total }\n  }\n": typeof types.RatingRoundStagesDocument,
    "\n  query Ratings($filter: RatingFilter, $page: PageInput) {\n    ratings(filter: $filter, page: $page) { total items { ...RatingFields } }\n  }\n": typeof types.RatingsDocument,
    "\n  query RatingRoundPending($roundId: ID!, $search: String, $page: PageInput) {\n    ratingRoundPending(roundId: $roundId, search: $search, page: $page) {\n      total items { subjectKind memberId organisationId name parentOrganisationId organisationName }\n    }\n  }\n": typeof types.RatingRoundPendingDocument,
    "\n  mutation OpenRatingRound($input: OpenRatingRoundInput!) {\n    openRatingRound(input: $input) { ...RoundFields }\n  }\n": typeof types.OpenRatingRoundDocument,
    "\n  mutation SubmitSelfAssessment($input: SubmitSelfAssessmentInput!) {\n    submitSelfAssessment(input: $input) { ...RatingFields }\n  }\n": typeof types.SubmitSelfAssessmentDocument,
    "\n  mutation ProposeRating($input: ProposeRatingInput!) {\n    proposeRating(input: $input) { quotaWarning quota { groupId limit excellent base breached } rating { ...RatingFields } }\n  }\n": typeof types.ProposeRatingDocument,
    "\n  mutation DecideRating($input: DecideRatingInput!) {\n    decideRating(input: $input) { ...RatingFields }\n  }\n": typeof types.DecideRatingDocument,
    "\n  mutation AnnounceRatingRound($id: ID!) {\n    announceRatingRound(id: $id) { ...RoundFields }\n  }\n": typeof types.AnnounceRatingRoundDocument,
    "\n  query Search($text: String!, $first: Int, $asOf: Date) {\n    search(text: $text, first: $first, asOf: $asOf) {\n      text\n      members { id fullName status organisation { id name } }\n      organisations { id code name kind }\n      meetings { id title date kind organisation { id name } }\n    }\n  }\n": typeof types.SearchDocument,
    "\n  fragment VisitFields on Visit {\n    id meetingId cellId date visitorUserId visitorName attended scores total maxTotal level selfTotal scoreGapWarning\n    guidance issues followUp\n  }\n": typeof types.VisitFieldsFragmentDoc,
    "\n  fragment VisitMeetingFields on Meeting {\n    id organisationId kind title date startTime endTime actualStart actualEnd place state selfTotal\n    organisation { id name }\n    attendanceRate { present expected percent }\n  }\n": typeof types.VisitMeetingFieldsFragmentDoc,
    "\n  query MyVisitAssignments($userId: ID) {\n    visitAssignments(visitorUserId: $userId) { id cellId from to requiredPerYear visitorUserId visitorName }\n  }\n": typeof types.MyVisitAssignmentsDocument,
    "\n  query VisitCellName($id: ID!, $asOf: Date) {\n    organisation(id: $id, asOf: $asOf) { id name }\n  }\n": typeof types.VisitCellNameDocument,
    "\n  query VisitCellMeetings($organisationId: ID, $from: Date, $to: Date) {\n    meetingList(filter: { organisationId: $organisationId, from: $from, to: $to }, page: { offset: 0, limit: 200 }) {\n      total\n      items { ...VisitMeetingFields }\n    }\n  }\n": typeof types.VisitCellMeetingsDocument,
    "\n  query MyVisits($userId: ID, $from: Date, $to: Date) {\n    visits(visitorUserId: $userId, from: $from, to: $to, page: { offset: 0, limit: 500 }) {\n      total\n      items { ...VisitFields }\n    }\n  }\n": typeof types.MyVisitsDocument,
    "\n  query VisitMeeting($id: ID!) {\n    meeting(id: $id) {\n      ...VisitMeetingFields\n      visitRecords { ...VisitFields }\n    }\n  }\n": typeof types.VisitMeetingDocument,
    "\n  query VisitReport($input: VisitReportInput!) {\n    visitReport(input: $input) {\n      month\n      lines {\n        visitorUserId visitorName assignedCells visits scored unscored cellsNotVisited state dueOn submittedOn\n        items { ...VisitFields }\n      }\n    }\n  }\n": typeof types.VisitReportDocument,
    "\n  mutation RecordVisit($input: RecordVisitInput!) {\n    recordVisit(input: $input) { ...VisitFields }\n  }\n": typeof types.RecordVisitDocument,
    "\n  mutation SubmitVisitReport($month: String!, $note: String) {\n    submitVisitReport(month: $month, note: $note)\n  }\n": typeof types.SubmitVisitReportDocument,
    "\n  mutation RefreshSession {\n    refreshSession {\n      accessToken\n      accessTokenExpiresAt\n      viewer { id username displayName isAdmin }\n    }\n  }\n": typeof types.RefreshSessionDocument,
    "\n  mutation SignOut {\n    signOut\n  }\n": typeof types.SignOutDocument,
    "\n  query Policy($organisationId: ID!, $asOf: Date) {\n    policy(organisationId: $organisationId, asOf: $asOf)\n  }\n": typeof types.PolicyDocument,
    "\n  query ScopeRoots($asOf: Date) {\n    scopeRoots(asOf: $asOf) { id code name kind childCount }\n  }\n": typeof types.ScopeRootsDocument,
    "\n  query Me {\n    me { id username displayName isAdmin grants { id role organisationId memberId } }\n  }\n": typeof types.MeDocument,
};
const documents: Documents = {
    "\n  query Admissions($organisationId: ID!, $from: Date!, $to: Date!, $asOf: Date, $page: PageInput) {\n    admissions(organisationId: $organisationId, from: $from, to: $to, asOf: $asOf, page: $page) {\n      total\n      items { memberId fullName admissionDecisionDate admittedIn { id name } organisation { id name } status }\n    }\n  }\n": types.AdmissionsDocument,
    "\n  query OrganisationName($id: ID!, $asOf: Date) {\n    organisation(id: $id, asOf: $asOf) { id name }\n  }\n": types.OrganisationNameDocument,
    "\n  query PickerChildren($id: ID!, $asOf: Date) {\n    organisation(id: $id, asOf: $asOf) { id children { id name childCount } }\n  }\n": types.PickerChildrenDocument,
    "\n  query ReportOrganisation($id: ID!, $asOf: Date) {\n    organisation(id: $id, asOf: $asOf) { id name kind parent { id name } }\n  }\n": types.ReportOrganisationDocument,
    "\n  query AdminUsers($page: PageInput) {\n    users(page: $page) {\n      total\n      items { id username displayName isActive lastSignInAt memberId grants { id role organisationId memberId } }\n    }\n  }\n": types.AdminUsersDocument,
    "\n  query AdminApiTokens($page: PageInput) {\n    apiTokens(page: $page) { total items { id name tokenPrefix organisationId access createdAt expiresAt revokedAt lastUsedAt } }\n  }\n": types.AdminApiTokensDocument,
    "\n  query AdminAuditLog($filter: AuditFilter, $page: PageInput) {\n    auditLog(filter: $filter, page: $page) {\n      total\n      items { id at actorType actorName operation entityType entityId before after requestId }\n    }\n  }\n": types.AdminAuditLogDocument,
    "\n  query AdminAuditVerification {\n    auditVerification { id at ok rowsChecked sealsChecked unsealedRows firstBrokenId brokenSeal problem lastDigest runBy }\n  }\n": types.AdminAuditVerificationDocument,
    "\n  query AdminMemberSearch($search: String!) {\n    members(filter: { search: $search }, page: { limit: 20 }) { items { id fullName organisation { name } } }\n  }\n": types.AdminMemberSearchDocument,
    "\n  mutation AdminCreateUser($input: CreateUserInput!) { createUser(input: $input) { id username } }\n": types.AdminCreateUserDocument,
    "\n  mutation AdminSetUserPassword($userId: ID!, $password: String!) { setUserPassword(userId: $userId, password: $password) }\n": types.AdminSetUserPasswordDocument,
    "\n  mutation AdminAddGrant($input: AddGrantInput!) { addGrant(input: $input) { id } }\n": types.AdminAddGrantDocument,
    "\n  mutation AdminRemoveGrant($id: ID!) { removeGrant(id: $id) }\n": types.AdminRemoveGrantDocument,
    "\n  mutation AdminCreateApiToken($input: CreateApiTokenInput!) { createApiToken(input: $input) { secret token { id name } } }\n": types.AdminCreateApiTokenDocument,
    "\n  mutation AdminVerifyAuditLog { verifyAuditLog { id ok } }\n": types.AdminVerifyAuditLogDocument,
    "\n  mutation AdminRevokeApiToken($id: ID!) { revokeApiToken(id: $id) { id } }\n": types.AdminRevokeApiTokenDocument,
    "\n  query AdminWebhookSubscriptions($page: PageInput) {\n    webhookSubscriptions(page: $page) {\n      total\n      items {\n        id organisationId targetUrl eventTypes description active disabledAt disabledReason failingSince createdBy createdAt\n        lastDelivery { id status attempts responseStatus lastAttemptAt error }\n      }\n    }\n  }\n": types.AdminWebhookSubscriptionsDocument,
    "\n  query AdminWebhookEventTypes { webhookEventTypes { type when } }\n": types.AdminWebhookEventTypesDocument,
    "\n  query AdminWebhookDeliveries($subscriptionId: ID!, $status: WebhookDeliveryStatus, $first: Int, $after: String) {\n    webhookDeliveries(subscriptionId: $subscriptionId, status: $status, first: $first, after: $after) {\n      endCursor hasMore\n      items { id eventId eventType eventOccurredAt status attempts lastAttemptAt nextAttemptAt deliveredAt responseStatus durationMs error }\n    }\n  }\n": types.AdminWebhookDeliveriesDocument,
    "\n  mutation AdminCreateWebhookSubscription($input: CreateWebhookSubscriptionInput!) {\n    createWebhookSubscription(input: $input) { secret subscription { id targetUrl } }\n  }\n": types.AdminCreateWebhookSubscriptionDocument,
    "\n  mutation AdminSetWebhookActive($id: ID!, $active: Boolean!) { updateWebhookSubscription(id: $id, input: { active: $active }) { id active } }\n": types.AdminSetWebhookActiveDocument,
    "\n  mutation AdminDisableWebhook($id: ID!, $reason: String) { disableWebhookSubscription(id: $id, reason: $reason) { id active } }\n": types.AdminDisableWebhookDocument,
    "\n  mutation AdminReplayWebhookDelivery($id: ID!) { replayWebhookDelivery(id: $id) { id status } }\n": types.AdminReplayWebhookDeliveryDocument,
    "\n  mutation AdminReplayWebhookDeliveries($subscriptionId: ID!, $from: DateTime!, $to: DateTime!) {\n    replayWebhookDeliveries(subscriptionId: $subscriptionId, from: $from, to: $to)\n  }\n": types.AdminReplayWebhookDeliveriesDocument,
    "\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      accessToken\n      accessTokenExpiresAt\n      viewer { id username displayName isAdmin }\n    }\n  }\n": types.SignInDocument,
    "\n  query MeetingCompliance($input: ComplianceInput!) {\n    meetingCompliance(input: $input) {\n      cellCount behindCount behindPercent attendancePercent\n      counts { kind count }\n      cells {\n        behind regularHeld thematicHeld attendancePercent\n        organisation { id name parent { id name } }\n        missing { kind period dueOn }\n      }\n    }\n  }\n": types.MeetingComplianceDocument,
    "\n  query Alerts($input: AlertsInput!) {\n    alerts(input: $input) {\n      asOf year total offset limit\n      countsByCode { code severity count }\n      countsBySeverity { severity count }\n      items {\n        code severity entity message messageEn dueOn memberId memberName meetingId visitId\n        organisation { id code name }\n      }\n    }\n  }\n": types.AlertsDocument,
    "\n  query AlertCounts($input: AlertsInput!) {\n    alerts(input: $input) {\n      total\n      countsByCode { code severity count }\n      countsBySeverity { severity count }\n    }\n  }\n": types.AlertCountsDocument,
    "\n  query Dashboard($input: DashboardInput!) {\n    dashboard(input: $input) {\n      asOf year from to\n      organisation { id name kind ancestors { id name } }\n      members {\n        members fullMembers probationaryMembers exemptMembers admissions yearStart membersAtYearStart\n        leftInPeriod { status count }\n        trend { year date members fullMembers probationaryMembers admissions }\n      }\n      meetings { from to cells cellsBehind behindPercent attendancePercent regularHeld thematicHeld held byKind { kind count } }\n      visits { asOf assignments assignmentsBehind behindPercent required done scored unscored cells cellsWithoutVisitor }\n      children {\n        organisation { id code name kind }\n        members cells cellsBehind behindPercent visitAssignments visitAssignmentsBehind alerts alertErrors\n      }\n      alerts { total countsByCode { code severity count } countsBySeverity { severity count } }\n    }\n  }\n": types.DashboardDocument,
    "\n  query DashboardInspectionTarget($input: InspectionTargetInput!) {\n    inspectionTarget(input: $input) { referenceDate subjectCount metCount behindCount percent projectedMetCount projectedPercent }\n  }\n": types.DashboardInspectionTargetDocument,
    "\n  query DashboardRatingFigures($input: RatingFiguresInput!) {\n    ratingFigures(input: $input) {\n      asOf year\n      groups {\n        subjectKind\n        current {\n          total rated notRated excellentOfWellCompletedOrBetter\n          wellCompletedOrBetter { count percent }\n          levels { level count percent }\n        }\n      }\n    }\n  }\n": types.DashboardRatingFiguresDocument,
    "\n  query DashboardRatingRounds($year: Int) {\n    ratingRounds(year: $year) { state periodKind }\n  }\n": types.DashboardRatingRoundsDocument,
    "\n  query DashboardAdmissionProgress($organisationId: ID!, $year: Int!, $asOf: Date) {\n    admissionProgress(organisationId: $organisationId, year: $year, asOf: $asOf) {\n      from to admitted target percent met remaining targetKind targetPercent membersAtTermStart termStart\n    }\n  }\n": types.DashboardAdmissionProgressDocument,
    "\n  query DashboardMembers($filter: MemberFilter, $asOf: Date, $page: PageInput) {\n    members(filter: $filter, asOf: $asOf, page: $page) {\n      total\n      items { id fullName status organisation { id name } }\n    }\n  }\n": types.DashboardMembersDocument,
    "\n  query DashboardMeetings($filter: MeetingFilter, $page: PageInput) {\n    meetingList(filter: $filter, page: $page) {\n      total\n      items { id title date kind state organisation { id name } }\n    }\n  }\n": types.DashboardMeetingsDocument,
    "\n  query DashboardVisitCoverage($input: VisitCoverageInput!) {\n    visitCoverage(input: $input) {\n      asOf\n      lines {\n        behind required dueSoFar done scored unscored\n        cell { id name parent { id name } }\n        assignment { id visitorName }\n      }\n      unassignedCells { id name parent { id name } }\n    }\n  }\n": types.DashboardVisitCoverageDocument,
    "\n  mutation RecordDuesPayment($input: RecordDuesPaymentInput!) {\n    recordDuesPayment(input: $input) { id month amount paidOn channel }\n  }\n": types.RecordDuesPaymentDocument,
    "\n  mutation CancelDuesPayment($id: ID!, $reason: String!) {\n    cancelDuesPayment(id: $id, reason: $reason) { id cancelledAt cancelReason }\n  }\n": types.CancelDuesPaymentDocument,
    "\n  mutation SetDuesBasis($input: SetDuesBasisInput!) {\n    setDuesBasis(input: $input) { id from to basis amount }\n  }\n": types.SetDuesBasisDocument,
    "\n  mutation GrantDuesRelief($input: GrantDuesReliefInput!) {\n    grantDuesRelief(input: $input) { id kind percent from to }\n  }\n": types.GrantDuesReliefDocument,
    "\n  query DuesFigures($organisationId: ID!, $year: Int!) {\n    duesFigures(organisationId: $organisationId, year: $year) {\n      year throughMonth\n      total { organisationId members due collected collectedAhead outstanding collectedPercent membersInArrears membersWithoutBasis }\n      children {\n        organisationId members due collected collectedAhead outstanding collectedPercent membersInArrears membersWithoutBasis\n        organisation { id code name }\n      }\n    }\n  }\n": types.DuesFiguresDocument,
    "\n  fragment DuesMemberYearFields on DuesMemberYear {\n    memberId fullName organisationId year dueTotal paidTotal paidAhead unpaidMonths shortMonths unknownMonths outstanding inArrears\n    months { month organisationId due standard reason deferred paid }\n  }\n": types.DuesMemberYearFieldsFragmentDoc,
    "\n  query DuesSheet($organisationId: ID!, $year: Int!, $page: PageInput) {\n    duesSheet(organisationId: $organisationId, year: $year, page: $page) { total offset items { ...DuesMemberYearFields } }\n  }\n": types.DuesSheetDocument,
    "\n  query DuesArrears($organisationId: ID!, $year: Int!, $page: PageInput) {\n    duesArrears(organisationId: $organisationId, year: $year, page: $page) { total offset items { ...DuesMemberYearFields } }\n  }\n": types.DuesArrearsDocument,
    "\n  query MemberDues($memberId: ID!, $year: Int!) {\n    memberDues(memberId: $memberId, year: $year) {\n      year { ...DuesMemberYearFields }\n      payments { id month amount paidOn channel note recordedBy cancelledAt cancelReason }\n      bases { id from to basis amount note }\n      reliefs { id kind percent from to decidedOn reason }\n    }\n  }\n": types.MemberDuesDocument,
    "\n  mutation ImportMembers($input: ImportFileInput!) {\n    importMembers(input: $input) { created updated skipped problems { row column reason } }\n  }\n": types.ImportMembersDocument,
    "\n  mutation ImportOrganisations($input: ImportFileInput!) {\n    importOrganisations(input: $input) { created updated skipped problems { row column reason } }\n  }\n": types.ImportOrganisationsDocument,
    "\n  mutation ImportDuesPayments($input: ImportDuesPaymentsInput!) {\n    importDuesPayments(input: $input) {\n      dryRun rows created amount duplicates skipped\n      problems { row column reason code }\n      payments { row memberId fullName month amount paidOn channel reference }\n    }\n  }\n": types.ImportDuesPaymentsDocument,
    "\n  fragment InspectionListFields on Inspection {\n    id organisationId body type title plannedFrom plannedTo startedOn concludedOn state countsTowardTarget\n    organisation { id name }\n    subjects { memberId }\n  }\n": types.InspectionListFieldsFragmentDoc,
    "\n  fragment DisciplineFields on Discipline {\n    id memberId form decidingBody decidedOn reason\n  }\n": types.DisciplineFieldsFragmentDoc,
    "\n  fragment InspectionDetailFields on Inspection {\n    id organisationId planId body type title contentAreas method reviewFrom reviewTo plannedFrom plannedTo\n    startedOn concludedOn state conclusion recommendation cancelledReason countsTowardTarget\n    organisation { id name kind ancestors { id } }\n    plan { id year organisationId }\n    subjects {\n      memberId selfReport strengths shortcomings violations conclusion\n      member { id fullName status }\n      discipline { ...DisciplineFields }\n    }\n    disciplines { ...DisciplineFields }\n  }\n": types.InspectionDetailFieldsFragmentDoc,
    "\n  fragment PlanFields on InspectionPlan {\n    id organisationId year purpose content subjectMemberIds reviewFrom reviewTo timing method adoptedOn note\n    subjects { id fullName }\n    inspections { id state }\n  }\n": types.PlanFieldsFragmentDoc,
    "\n  query InspectionCellMembers($organisationId: ID!, $asOf: Date) {\n    members(filter: { organisationId: $organisationId }, page: { offset: 0, limit: 500 }, asOf: $asOf) {\n      total\n      items { id fullName status }\n    }\n  }\n": types.InspectionCellMembersDocument,
    "\n  query Inspections($filter: InspectionFilter, $page: PageInput) {\n    inspections(filter: $filter, page: $page) {\n      total offset limit\n      items { ...InspectionListFields }\n    }\n  }\n": types.InspectionsDocument,
    "\n  query Inspection($id: ID!) {\n    inspection(id: $id) { ...InspectionDetailFields }\n  }\n": types.InspectionDocument,
    "\n  query InspectionPlans($organisationId: ID, $year: Int) {\n    inspectionPlans(organisationId: $organisationId, year: $year, page: { offset: 0, limit: 50 }) {\n      items { ...PlanFields }\n    }\n  }\n": types.InspectionPlansDocument,
    "\n  query InspectionOrganisation($id: ID!, $asOf: Date) {\n    organisation(id: $id, asOf: $asOf) { id name kind ancestors { id } }\n  }\n": types.InspectionOrganisationDocument,
    "\n  query InspectionTarget($input: InspectionTargetInput!, $filter: TargetCellFilter!) {\n    inspectionTarget(input: $input) {\n      year asOf referenceDate subjectCount metCount behindCount percent percentText\n      projectedMetCount projectedPercent concludedTotal\n      organisation { id name }\n      cells(filter: $filter) {\n        hasCellCommittee required concluded inProgress planned missing met onPace projectedConcluded joinedDuringYear\n        organisation { id code name }\n        parent { id name }\n      }\n    }\n  }\n": types.InspectionTargetDocument,
    "\n  query SupervisionCoverage($input: InspectionTargetInput!) {\n    supervisionCoverage(input: $input) {\n      year referenceDate minPercent maxPercent cellCount metCount metPercent members supervised percent\n      cells(filter: BELOW) {\n        members supervised percent status met\n        organisation { id name parent { id name } }\n      }\n    }\n  }\n": types.SupervisionCoverageDocument,
    "\n  mutation PlanInspection($input: PlanInspectionInput!) {\n    planInspection(input: $input) { ...InspectionDetailFields }\n  }\n": types.PlanInspectionDocument,
    "\n  mutation StartInspection($id: ID!, $input: StartInspectionInput!) {\n    startInspection(id: $id, input: $input) { ...InspectionDetailFields }\n  }\n": types.StartInspectionDocument,
    "\n  mutation ConcludeInspection($id: ID!, $input: ConcludeInspectionInput!) {\n    concludeInspection(id: $id, input: $input) { ...InspectionDetailFields }\n  }\n": types.ConcludeInspectionDocument,
    "\n  mutation CancelInspection($id: ID!, $reason: String!) {\n    cancelInspection(id: $id, reason: $reason) { ...InspectionDetailFields }\n  }\n": types.CancelInspectionDocument,
    "\n  mutation CreateInspectionPlan($input: CreateInspectionPlanInput!) {\n    createInspectionPlan(input: $input) { ...PlanFields }\n  }\n": types.CreateInspectionPlanDocument,
    "\n  mutation UpdateInspectionPlan($id: ID!, $input: InspectionPlanInput!) {\n    updateInspectionPlan(id: $id, input: $input) { ...PlanFields }\n  }\n": types.UpdateInspectionPlanDocument,
    "\n  fragment MeetingListFields on Meeting {\n    id organisationId kind title date startTime endTime actualStart actualEnd place state\n    organisation { id name }\n    attendanceRate { present expected percent }\n    flags { code severity message messageEn }\n  }\n": types.MeetingListFieldsFragmentDoc,
    "\n  fragment MeetingDetailFields on Meeting {\n    ...MeetingListFields\n    mode format formatNote theme topics chairMemberId minuteTakerMemberId\n    guests minutes resolution votesFor votesAgainst votesAbstain\n    tasks { text assigneeMemberId dueOn }\n    selfAssessment selfTotal cancelledReason closedAt version\n    attendance { memberId status reason late leftEarly }\n    amendments { id reason amendedAt amendedBy before after }\n    documentList { id kind name url mimeType sizeBytes createdAt }\n    visitRecords { id visitorUserId visitorName attended total maxTotal level selfTotal scoreGapWarning guidance issues followUp }\n  }\n": types.MeetingDetailFieldsFragmentDoc,
    "\n  query MeetingCellMembers($organisationId: ID!, $asOf: Date) {\n    members(filter: { organisationId: $organisationId }, page: { offset: 0, limit: 500 }, asOf: $asOf) {\n      total\n      items { id fullName status exemption }\n    }\n  }\n": types.MeetingCellMembersDocument,
    "\n  query Meeting($id: ID!) {\n    meeting(id: $id) { ...MeetingDetailFields }\n  }\n": types.MeetingDocument,
    "\n  query MeetingList($filter: MeetingFilter, $page: PageInput) {\n    meetingList(filter: $filter, page: $page) {\n      total offset limit\n      items { ...MeetingListFields }\n    }\n  }\n": types.MeetingListDocument,
    "\n  query CellMonthMeetings($filter: MeetingFilter) {\n    meetingList(filter: $filter, page: { offset: 0, limit: 50 }) {\n      items { id kind state date title }\n    }\n  }\n": types.CellMonthMeetingsDocument,
    "\n  query MeetingMyAssignments($userId: ID) {\n    visitAssignments(visitorUserId: $userId) { id cellId from to }\n  }\n": types.MeetingMyAssignmentsDocument,
    "\n  query MeetingOrganisation($id: ID!, $asOf: Date) {\n    organisation(id: $id, asOf: $asOf) {\n      id name kind\n      parent { id name kind }\n      ancestors { id name kind }\n      committee { role member { id fullName } }\n    }\n  }\n": types.MeetingOrganisationDocument,
    "\n  mutation AddMeetingDocument($meetingId: ID!, $input: AddMeetingDocumentInput!) {\n    addMeetingDocument(meetingId: $meetingId, input: $input) { id kind name url mimeType sizeBytes createdAt }\n  }\n": types.AddMeetingDocumentDocument,
    "\n  mutation RemoveMeetingDocument($id: ID!) {\n    removeMeetingDocument(id: $id)\n  }\n": types.RemoveMeetingDocumentDocument,
    "\n  query MeetingDocumentContent($id: ID!) {\n    meetingDocumentContent(id: $id)\n  }\n": types.MeetingDocumentContentDocument,
    "\n  mutation CreateMeeting($input: CreateMeetingInput!) {\n    createMeeting(input: $input) { ...MeetingDetailFields }\n  }\n": types.CreateMeetingDocument,
    "\n  mutation UpdateMeeting($id: ID!, $input: MeetingPlanInput!) {\n    updateMeeting(id: $id, input: $input) { ...MeetingDetailFields }\n  }\n": types.UpdateMeetingDocument,
    "\n  mutation RecordMeeting($id: ID!, $input: MeetingRecordInput!, $expectedVersion: Int, $clientKey: String) {\n    recordMeeting(id: $id, input: $input, expectedVersion: $expectedVersion, clientKey: $clientKey) { ...MeetingDetailFields }\n  }\n": types.RecordMeetingDocument,
    "\n  mutation CloseMeeting($id: ID!) {\n    closeMeeting(id: $id) { ...MeetingDetailFields }\n  }\n": types.CloseMeetingDocument,
    "\n  mutation CancelMeeting($id: ID!, $reason: String!) {\n    cancelMeeting(id: $id, reason: $reason) { ...MeetingDetailFields }\n  }\n": types.CancelMeetingDocument,
    "\n  mutation AmendMeeting($id: ID!, $reason: String!, $input: MeetingRecordInput!) {\n    amendMeeting(id: $id, reason: $reason, input: $input) { ...MeetingDetailFields }\n  }\n": types.AmendMeetingDocument,
    "\n  query Member($id: ID!, $asOf: Date) {\n    member(id: $id, asOf: $asOf) {\n      id fullName birthDate gender ethnicity religion homeTown residence nationalId\n      cardNumber fileNumber leftOn admissionDecisionDate ceremonyDate fullMembershipDate introducers\n      educationGeneral educationProfessional politicalTheory job post courseCompletedOn admissionAgeApproval\n      status exemption temporarilyAway allowedEvents\n      organisation { id name ancestors { id } }\n      partyAge { years months }\n      probationState probationEnd recognitionDeadline\n      nextBadge { milestone reachedOn awardOn }\n      events {\n        id type effectiveOn organisationId toOrganisationId externalOrganisation reason note endOn recordedAt\n      }\n      disciplines { id form decidingBody decidedOn reason }\n      attendanceHistory(page: { limit: 100 }) {\n        from to total notRecorded rate { present expected percent }\n        items { meetingId date kind title cellName status late canOpen }\n      }\n    }\n  }\n": types.MemberDocument,
    "\n  query Members($filter: MemberFilter, $page: PageInput, $asOf: Date) {\n    members(filter: $filter, page: $page, asOf: $asOf) {\n      total offset limit\n      items {\n        id fullName birthDate gender status cardNumber ceremonyDate fullMembershipDate probationState post\n        partyAge { years months }\n        organisation { id name }\n      }\n    }\n  }\n": types.MembersDocument,
    "\n  mutation CreateMember($input: CreateMemberInput!) {\n    createMember(input: $input) { id fullName }\n  }\n": types.CreateMemberDocument,
    "\n  mutation UpdateMember($id: ID!, $input: MemberDataInput!) {\n    updateMember(id: $id, input: $input) { id fullName }\n  }\n": types.UpdateMemberDocument,
    "\n  mutation RecordMemberEvent($input: MemberEventInput!) {\n    recordMemberEvent(input: $input) { id status }\n  }\n": types.RecordMemberEventDocument,
    "\n  mutation RecordDiscipline($input: RecordDisciplineInput!) {\n    recordDiscipline(input: $input) { id form }\n  }\n": types.RecordDisciplineDocument,
    "\n  query MyNotices($unreadOnly: Boolean, $page: PageInput) {\n    myNotices(unreadOnly: $unreadOnly, page: $page) {\n      total\n      unreadCount\n      items { id kind code title titleEn body bodyEn link dueOn createdAt readAt }\n    }\n  }\n": types.MyNoticesDocument,
    "\n  mutation MarkNoticesRead($ids: [ID!]!) {\n    markNoticesRead(ids: $ids)\n  }\n": types.MarkNoticesReadDocument,
    "\n  mutation MarkAllNoticesRead {\n    markAllNoticesRead\n  }\n": types.MarkAllNoticesReadDocument,
    "\n  query MyUnreadNoticeCount {\n    myUnreadNoticeCount\n  }\n": types.MyUnreadNoticeCountDocument,
    "\n  query OrganisationChildren($id: ID!, $asOf: Date) {\n    organisation(id: $id, asOf: $asOf) {\n      id\n      children { id code name kind childCount }\n    }\n  }\n": types.OrganisationChildrenDocument,
    "\n  query OrganisationPath($id: ID!, $asOf: Date) {\n    organisation(id: $id, asOf: $asOf) {\n      id\n      ancestors { id }\n    }\n  }\n": types.OrganisationPathDocument,
    "\n  query Organisation($id: ID!, $asOf: Date) {\n    organisation(id: $id, asOf: $asOf) {\n      id code name kind levelName unitServed\n      establishedOn dissolvedOn termStart termEnd termType\n      terms { start end type inForce }\n      hasCellCommittee\n      parent { id name }\n      ancestors { id name }\n      flags { code severity message messageEn }\n      subtreeCounts {\n        organisations\n        byKind { kind count }\n        members fullMembers probationaryMembers\n      }\n      committee { id role from to member { id fullName } }\n      children { id code name kind childCount dissolvedOn memberCount fullMemberCount probationaryCount }\n      history { id type effectiveOn note recordedAt fromParentId toParentId relatedId }\n    }\n  }\n": types.OrganisationDocument,
    "\n  mutation CreateOrganisation($input: CreateOrganisationInput!) {\n    createOrganisation(input: $input) { id name }\n  }\n": types.CreateOrganisationDocument,
    "\n  mutation UpdateOrganisation($id: ID!, $input: UpdateOrganisationInput!) {\n    updateOrganisation(id: $id, input: $input) { id name }\n  }\n": types.UpdateOrganisationDocument,
    "\n  mutation MoveOrganisation($input: MoveOrganisationInput!) {\n    moveOrganisation(input: $input) { id name }\n  }\n": types.MoveOrganisationDocument,
    "\n  mutation DissolveOrganisation($input: DissolveOrganisationInput!) {\n    dissolveOrganisation(input: $input) { id name }\n  }\n": types.DissolveOrganisationDocument,
    "\n  mutation MergeOrganisations($input: MergeOrganisationsInput!) {\n    mergeOrganisations(input: $input) { id name }\n  }\n": types.MergeOrganisationsDocument,
    "\n  mutation SplitOrganisation($input: SplitOrganisationInput!) {\n    splitOrganisation(input: $input) { id name }\n  }\n": types.SplitOrganisationDocument,
    "\n  mutation AssignCommitteeSeat($input: AssignCommitteeSeatInput!) {\n    assignCommitteeSeat(input: $input) { id }\n  }\n": types.AssignCommitteeSeatDocument,
    "\n  mutation EndCommitteeSeat($input: EndCommitteeSeatInput!) {\n    endCommitteeSeat(input: $input) { id }\n  }\n": types.EndCommitteeSeatDocument,
    "\n  query SplitMembers($id: ID!, $asOf: Date) {\n    members(filter: { organisationId: $id }, page: { limit: 500 }, asOf: $asOf) {\n      items { id fullName status organisation { id } }\n    }\n  }\n": types.SplitMembersDocument,
    "\n  query CellVisitAssignments($cellId: ID!) {\n    visitAssignments(cellId: $cellId) { id cellId from to requiredPerYear visitorUserId visitorName }\n  }\n": types.CellVisitAssignmentsDocument,
    "\n  query AssignableVisitors($organisationId: ID!, $asOf: Date) {\n    assignableVisitors(organisationId: $organisationId, asOf: $asOf) { id username displayName followsCells }\n  }\n": types.AssignableVisitorsDocument,
    "\n  mutation AssignVisitor($input: AssignVisitorInput!) {\n    assignVisitor(input: $input) { id }\n  }\n": types.AssignVisitorDocument,
    "\n  mutation EndVisitAssignment($id: ID!, $to: Date!) {\n    endVisitAssignment(id: $id, to: $to) { id to }\n  }\n": types.EndVisitAssignmentDocument,
    "\n  query SeatCandidates($organisationId: ID!, $search: String) {\n    members(filter: { organisationId: $organisationId, search: $search }, page: { limit: 20 }) { items { id fullName organisation { name } } }\n  }\n": types.SeatCandidatesDocument,
    "\n  fragment RoundFields on RatingRound {\n    id organisationId year periodKind periodLabel title selfAssessmentDue proposalDue decisionDue state openedAt openedBy\n    announcedAt ratingCount decidedCount\n  }\n": types.RoundFieldsFragmentDoc,
    "\n  fragment RatingFields on Rating {\n    id roundId year subjectKind memberId subjectOrganisationId subjectName organisationId organisationName proposerId\n    deciderId quotaGroupId scheme rawLabel score computedLevel blockReasons proposedLevel proposalNote decidedLevel\n    decisionReason quotaOverrideReason stage selfAssessedAt\n    selfAssessment { generalPoints taskPoints tasks { assigned completed onTime exceeded } shortcomingsFixed note }\n  }\n": types.RatingFieldsFragmentDoc,
    "\n  fragment FigureSetFields on RatingFigureSet {\n    total rated notRated levels { level count percent } wellCompletedOrBetter { count percent }\n    excellentOfWellCompletedOrBetter excellentOfRated\n  }\n": types.FigureSetFieldsFragmentDoc,
    "\n  fragment FiguresFields on RatingFigures {\n    organisationId year asOf\n    groups {\n      subjectKind\n      current { ...FigureSetFields }\n      previous { ...FigureSetFields }\n      change {\n        rated levels { level count points } wellCompletedOrBetter { count points } excellentOfWellCompletedOrBetter\n        excellentOfRated\n      }\n    }\n  }\n": types.FiguresFieldsFragmentDoc,
    "\n  query RatingBody($id: ID!, $asOf: Date) {\n    organisation(id: $id, asOf: $asOf) { id ancestors { id } }\n  }\n": types.RatingBodyDocument,
    "\n  query RatingFigures($input: RatingFiguresInput!) {\n    ratingFigures(input: $input) { ...FiguresFields }\n  }\n": types.RatingFiguresDocument,
    "\n  query RatingFigureRows($input: RatingFigureRowsInput!, $page: PageInput) {\n    ratingFigureRows(input: $input, page: $page) {\n      total\n      items { subjectKind memberId subjectOrganisationId name organisationId organisationName ratingId level scheme rawLabel notRatedReason }\n    }\n  }\n": types.RatingFigureRowsDocument,
    "\n  query AdmissionProgress($organisationId: ID!, $year: Int!) {\n    admissionProgress(organisationId: $organisationId, year: $year) {\n      from to targetKind targetPercent termStart membersAtTermStart target admitted percent met remaining\n    }\n  }\n": types.AdmissionProgressDocument,
    "\n  query RatingMembers($organisationId: ID!, $search: String, $asOf: Date) {\n    members(filter: { organisationId: $organisationId, search: $search }, page: { offset: 0, limit: 30 }, asOf: $asOf) {\n      items { id fullName organisationId }\n    }\n  }\n": types.RatingMembersDocument,
    "\n  query RatingPolicy($organisationId: ID!, $asOf: Date) {\n    policy(organisationId: $organisationId, asOf: $asOf)\n  }\n": types.RatingPolicyDocument,
    "\n  query RatingRounds($organisationId: ID, $year: Int) {\n    ratingRounds(organisationId: $organisationId, year: $year) { ...RoundFields }\n  }\n": types.RatingRoundsDocument,
    "\n  query RatingRound($id: ID!) {\n    ratingRound(id: $id) { ...RoundFields }\n  }\n": types.RatingRoundDocument,
    "\n  query RatingRoundStages($id: ID!) {\n    SELF_ASSESSED: ratings(filter: { roundId: $id, stages: [SELF_ASSESSED] }, page: { limit: 1 }) { total }\n    PROPOSED: ratings(filter: { roundId: $id, stages: [PROPOSED] }, page: { limit: 1 }) { total }\n    DECIDED: ratings(filter: { roundId: $id, stages: [DECIDED] }, page: { limit: 1 }) { total }\n    ANNOUNCED: ratings(filter: { roundId: $id, stages: [ANNOUNCED] }, page: { limit: 1 }) { total }\n  }\n": types.RatingRoundStagesDocument,
    "\n  query Ratings($filter: RatingFilter, $page: PageInput) {\n    ratings(filter: $filter, page: $page) { total items { ...RatingFields } }\n  }\n": types.RatingsDocument,
    "\n  query RatingRoundPending($roundId: ID!, $search: String, $page: PageInput) {\n    ratingRoundPending(roundId: $roundId, search: $search, page: $page) {\n      total items { subjectKind memberId organisationId name parentOrganisationId organisationName }\n    }\n  }\n": types.RatingRoundPendingDocument,
    "\n  mutation OpenRatingRound($input: OpenRatingRoundInput!) {\n    openRatingRound(input: $input) { ...RoundFields }\n  }\n": types.OpenRatingRoundDocument,
    "\n  mutation SubmitSelfAssessment($input: SubmitSelfAssessmentInput!) {\n    submitSelfAssessment(input: $input) { ...RatingFields }\n  }\n": types.SubmitSelfAssessmentDocument,
    "\n  mutation ProposeRating($input: ProposeRatingInput!) {\n    proposeRating(input: $input) { quotaWarning quota { groupId limit excellent base breached } rating { ...RatingFields } }\n  }\n": types.ProposeRatingDocument,
    "\n  mutation DecideRating($input: DecideRatingInput!) {\n    decideRating(input: $input) { ...RatingFields }\n  }\n": types.DecideRatingDocument,
    "\n  mutation AnnounceRatingRound($id: ID!) {\n    announceRatingRound(id: $id) { ...RoundFields }\n  }\n": types.AnnounceRatingRoundDocument,
    "\n  query Search($text: String!, $first: Int, $asOf: Date) {\n    search(text: $text, first: $first, asOf: $asOf) {\n      text\n      members { id fullName status organisation { id name } }\n      organisations { id code name kind }\n      meetings { id title date kind organisation { id name } }\n    }\n  }\n": types.SearchDocument,
    "\n  fragment VisitFields on Visit {\n    id meetingId cellId date visitorUserId visitorName attended scores total maxTotal level selfTotal scoreGapWarning\n    guidance issues followUp\n  }\n": types.VisitFieldsFragmentDoc,
    "\n  fragment VisitMeetingFields on Meeting {\n    id organisationId kind title date startTime endTime actualStart actualEnd place state selfTotal\n    organisation { id name }\n    attendanceRate { present expected percent }\n  }\n": types.VisitMeetingFieldsFragmentDoc,
    "\n  query MyVisitAssignments($userId: ID) {\n    visitAssignments(visitorUserId: $userId) { id cellId from to requiredPerYear visitorUserId visitorName }\n  }\n": types.MyVisitAssignmentsDocument,
    "\n  query VisitCellName($id: ID!, $asOf: Date) {\n    organisation(id: $id, asOf: $asOf) { id name }\n  }\n": types.VisitCellNameDocument,
    "\n  query VisitCellMeetings($organisationId: ID, $from: Date, $to: Date) {\n    meetingList(filter: { organisationId: $organisationId, from: $from, to: $to }, page: { offset: 0, limit: 200 }) {\n      total\n      items { ...VisitMeetingFields }\n    }\n  }\n": types.VisitCellMeetingsDocument,
    "\n  query MyVisits($userId: ID, $from: Date, $to: Date) {\n    visits(visitorUserId: $userId, from: $from, to: $to, page: { offset: 0, limit: 500 }) {\n      total\n      items { ...VisitFields }\n    }\n  }\n": types.MyVisitsDocument,
    "\n  query VisitMeeting($id: ID!) {\n    meeting(id: $id) {\n      ...VisitMeetingFields\n      visitRecords { ...VisitFields }\n    }\n  }\n": types.VisitMeetingDocument,
    "\n  query VisitReport($input: VisitReportInput!) {\n    visitReport(input: $input) {\n      month\n      lines {\n        visitorUserId visitorName assignedCells visits scored unscored cellsNotVisited state dueOn submittedOn\n        items { ...VisitFields }\n      }\n    }\n  }\n": types.VisitReportDocument,
    "\n  mutation RecordVisit($input: RecordVisitInput!) {\n    recordVisit(input: $input) { ...VisitFields }\n  }\n": types.RecordVisitDocument,
    "\n  mutation SubmitVisitReport($month: String!, $note: String) {\n    submitVisitReport(month: $month, note: $note)\n  }\n": types.SubmitVisitReportDocument,
    "\n  mutation RefreshSession {\n    refreshSession {\n      accessToken\n      accessTokenExpiresAt\n      viewer { id username displayName isAdmin }\n    }\n  }\n": types.RefreshSessionDocument,
    "\n  mutation SignOut {\n    signOut\n  }\n": types.SignOutDocument,
    "\n  query Policy($organisationId: ID!, $asOf: Date) {\n    policy(organisationId: $organisationId, asOf: $asOf)\n  }\n": types.PolicyDocument,
    "\n  query ScopeRoots($asOf: Date) {\n    scopeRoots(asOf: $asOf) { id code name kind childCount }\n  }\n": types.ScopeRootsDocument,
    "\n  query Me {\n    me { id username displayName isAdmin grants { id role organisationId memberId } }\n  }\n": types.MeDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Admissions($organisationId: ID!, $from: Date!, $to: Date!, $asOf: Date, $page: PageInput) {\n    admissions(organisationId: $organisationId, from: $from, to: $to, asOf: $asOf, page: $page) {\n      total\n      items { memberId fullName admissionDecisionDate admittedIn { id name } organisation { id name } status }\n    }\n  }\n"): typeof import('./graphql').AdmissionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrganisationName($id: ID!, $asOf: Date) {\n    organisation(id: $id, asOf: $asOf) { id name }\n  }\n"): typeof import('./graphql').OrganisationNameDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PickerChildren($id: ID!, $asOf: Date) {\n    organisation(id: $id, asOf: $asOf) { id children { id name childCount } }\n  }\n"): typeof import('./graphql').PickerChildrenDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReportOrganisation($id: ID!, $asOf: Date) {\n    organisation(id: $id, asOf: $asOf) { id name kind parent { id name } }\n  }\n"): typeof import('./graphql').ReportOrganisationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminUsers($page: PageInput) {\n    users(page: $page) {\n      total\n      items { id username displayName isActive lastSignInAt memberId grants { id role organisationId memberId } }\n    }\n  }\n"): typeof import('./graphql').AdminUsersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminApiTokens($page: PageInput) {\n    apiTokens(page: $page) { total items { id name tokenPrefix organisationId access createdAt expiresAt revokedAt lastUsedAt } }\n  }\n"): typeof import('./graphql').AdminApiTokensDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminAuditLog($filter: AuditFilter, $page: PageInput) {\n    auditLog(filter: $filter, page: $page) {\n      total\n      items { id at actorType actorName operation entityType entityId before after requestId }\n    }\n  }\n"): typeof import('./graphql').AdminAuditLogDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminAuditVerification {\n    auditVerification { id at ok rowsChecked sealsChecked unsealedRows firstBrokenId brokenSeal problem lastDigest runBy }\n  }\n"): typeof import('./graphql').AdminAuditVerificationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminMemberSearch($search: String!) {\n    members(filter: { search: $search }, page: { limit: 20 }) { items { id fullName organisation { name } } }\n  }\n"): typeof import('./graphql').AdminMemberSearchDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminCreateUser($input: CreateUserInput!) { createUser(input: $input) { id username } }\n"): typeof import('./graphql').AdminCreateUserDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminSetUserPassword($userId: ID!, $password: String!) { setUserPassword(userId: $userId, password: $password) }\n"): typeof import('./graphql').AdminSetUserPasswordDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminAddGrant($input: AddGrantInput!) { addGrant(input: $input) { id } }\n"): typeof import('./graphql').AdminAddGrantDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminRemoveGrant($id: ID!) { removeGrant(id: $id) }\n"): typeof import('./graphql').AdminRemoveGrantDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminCreateApiToken($input: CreateApiTokenInput!) { createApiToken(input: $input) { secret token { id name } } }\n"): typeof import('./graphql').AdminCreateApiTokenDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminVerifyAuditLog { verifyAuditLog { id ok } }\n"): typeof import('./graphql').AdminVerifyAuditLogDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminRevokeApiToken($id: ID!) { revokeApiToken(id: $id) { id } }\n"): typeof import('./graphql').AdminRevokeApiTokenDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminWebhookSubscriptions($page: PageInput) {\n    webhookSubscriptions(page: $page) {\n      total\n      items {\n        id organisationId targetUrl eventTypes description active disabledAt disabledReason failingSince createdBy createdAt\n        lastDelivery { id status attempts responseStatus lastAttemptAt error }\n      }\n    }\n  }\n"): typeof import('./graphql').AdminWebhookSubscriptionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminWebhookEventTypes { webhookEventTypes { type when } }\n"): typeof import('./graphql').AdminWebhookEventTypesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminWebhookDeliveries($subscriptionId: ID!, $status: WebhookDeliveryStatus, $first: Int, $after: String) {\n    webhookDeliveries(subscriptionId: $subscriptionId, status: $status, first: $first, after: $after) {\n      endCursor hasMore\n      items { id eventId eventType eventOccurredAt status attempts lastAttemptAt nextAttemptAt deliveredAt responseStatus durationMs error }\n    }\n  }\n"): typeof import('./graphql').AdminWebhookDeliveriesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminCreateWebhookSubscription($input: CreateWebhookSubscriptionInput!) {\n    createWebhookSubscription(input: $input) { secret subscription { id targetUrl } }\n  }\n"): typeof import('./graphql').AdminCreateWebhookSubscriptionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminSetWebhookActive($id: ID!, $active: Boolean!) { updateWebhookSubscription(id: $id, input: { active: $active }) { id active } }\n"): typeof import('./graphql').AdminSetWebhookActiveDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminDisableWebhook($id: ID!, $reason: String) { disableWebhookSubscription(id: $id, reason: $reason) { id active } }\n"): typeof import('./graphql').AdminDisableWebhookDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminReplayWebhookDelivery($id: ID!) { replayWebhookDelivery(id: $id) { id status } }\n"): typeof import('./graphql').AdminReplayWebhookDeliveryDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminReplayWebhookDeliveries($subscriptionId: ID!, $from: DateTime!, $to: DateTime!) {\n    replayWebhookDeliveries(subscriptionId: $subscriptionId, from: $from, to: $to)\n  }\n"): typeof import('./graphql').AdminReplayWebhookDeliveriesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      accessToken\n      accessTokenExpiresAt\n      viewer { id username displayName isAdmin }\n    }\n  }\n"): typeof import('./graphql').SignInDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MeetingCompliance($input: ComplianceInput!) {\n    meetingCompliance(input: $input) {\n      cellCount behindCount behindPercent attendancePercent\n      counts { kind count }\n      cells {\n        behind regularHeld thematicHeld attendancePercent\n        organisation { id name parent { id name } }\n        missing { kind period dueOn }\n      }\n    }\n  }\n"): typeof import('./graphql').MeetingComplianceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Alerts($input: AlertsInput!) {\n    alerts(input: $input) {\n      asOf year total offset limit\n      countsByCode { code severity count }\n      countsBySeverity { severity count }\n      items {\n        code severity entity message messageEn dueOn memberId memberName meetingId visitId\n        organisation { id code name }\n      }\n    }\n  }\n"): typeof import('./graphql').AlertsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AlertCounts($input: AlertsInput!) {\n    alerts(input: $input) {\n      total\n      countsByCode { code severity count }\n      countsBySeverity { severity count }\n    }\n  }\n"): typeof import('./graphql').AlertCountsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Dashboard($input: DashboardInput!) {\n    dashboard(input: $input) {\n      asOf year from to\n      organisation { id name kind ancestors { id name } }\n      members {\n        members fullMembers probationaryMembers exemptMembers admissions yearStart membersAtYearStart\n        leftInPeriod { status count }\n        trend { year date members fullMembers probationaryMembers admissions }\n      }\n      meetings { from to cells cellsBehind behindPercent attendancePercent regularHeld thematicHeld held byKind { kind count } }\n      visits { asOf assignments assignmentsBehind behindPercent required done scored unscored cells cellsWithoutVisitor }\n      children {\n        organisation { id code name kind }\n        members cells cellsBehind behindPercent visitAssignments visitAssignmentsBehind alerts alertErrors\n      }\n      alerts { total countsByCode { code severity count } countsBySeverity { severity count } }\n    }\n  }\n"): typeof import('./graphql').DashboardDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DashboardInspectionTarget($input: InspectionTargetInput!) {\n    inspectionTarget(input: $input) { referenceDate subjectCount metCount behindCount percent projectedMetCount projectedPercent }\n  }\n"): typeof import('./graphql').DashboardInspectionTargetDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DashboardRatingFigures($input: RatingFiguresInput!) {\n    ratingFigures(input: $input) {\n      asOf year\n      groups {\n        subjectKind\n        current {\n          total rated notRated excellentOfWellCompletedOrBetter\n          wellCompletedOrBetter { count percent }\n          levels { level count percent }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').DashboardRatingFiguresDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DashboardRatingRounds($year: Int) {\n    ratingRounds(year: $year) { state periodKind }\n  }\n"): typeof import('./graphql').DashboardRatingRoundsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DashboardAdmissionProgress($organisationId: ID!, $year: Int!, $asOf: Date) {\n    admissionProgress(organisationId: $organisationId, year: $year, asOf: $asOf) {\n      from to admitted target percent met remaining targetKind targetPercent membersAtTermStart termStart\n    }\n  }\n"): typeof import('./graphql').DashboardAdmissionProgressDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DashboardMembers($filter: MemberFilter, $asOf: Date, $page: PageInput) {\n    members(filter: $filter, asOf: $asOf, page: $page) {\n      total\n      items { id fullName status organisation { id name } }\n    }\n  }\n"): typeof import('./graphql').DashboardMembersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DashboardMeetings($filter: MeetingFilter, $page: PageInput) {\n    meetingList(filter: $filter, page: $page) {\n      total\n      items { id title date kind state organisation { id name } }\n    }\n  }\n"): typeof import('./graphql').DashboardMeetingsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DashboardVisitCoverage($input: VisitCoverageInput!) {\n    visitCoverage(input: $input) {\n      asOf\n      lines {\n        behind required dueSoFar done scored unscored\n        cell { id name parent { id name } }\n        assignment { id visitorName }\n      }\n      unassignedCells { id name parent { id name } }\n    }\n  }\n"): typeof import('./graphql').DashboardVisitCoverageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordDuesPayment($input: RecordDuesPaymentInput!) {\n    recordDuesPayment(input: $input) { id month amount paidOn channel }\n  }\n"): typeof import('./graphql').RecordDuesPaymentDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CancelDuesPayment($id: ID!, $reason: String!) {\n    cancelDuesPayment(id: $id, reason: $reason) { id cancelledAt cancelReason }\n  }\n"): typeof import('./graphql').CancelDuesPaymentDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetDuesBasis($input: SetDuesBasisInput!) {\n    setDuesBasis(input: $input) { id from to basis amount }\n  }\n"): typeof import('./graphql').SetDuesBasisDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation GrantDuesRelief($input: GrantDuesReliefInput!) {\n    grantDuesRelief(input: $input) { id kind percent from to }\n  }\n"): typeof import('./graphql').GrantDuesReliefDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DuesFigures($organisationId: ID!, $year: Int!) {\n    duesFigures(organisationId: $organisationId, year: $year) {\n      year throughMonth\n      total { organisationId members due collected collectedAhead outstanding collectedPercent membersInArrears membersWithoutBasis }\n      children {\n        organisationId members due collected collectedAhead outstanding collectedPercent membersInArrears membersWithoutBasis\n        organisation { id code name }\n      }\n    }\n  }\n"): typeof import('./graphql').DuesFiguresDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment DuesMemberYearFields on DuesMemberYear {\n    memberId fullName organisationId year dueTotal paidTotal paidAhead unpaidMonths shortMonths unknownMonths outstanding inArrears\n    months { month organisationId due standard reason deferred paid }\n  }\n"): typeof import('./graphql').DuesMemberYearFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DuesSheet($organisationId: ID!, $year: Int!, $page: PageInput) {\n    duesSheet(organisationId: $organisationId, year: $year, page: $page) { total offset items { ...DuesMemberYearFields } }\n  }\n"): typeof import('./graphql').DuesSheetDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DuesArrears($organisationId: ID!, $year: Int!, $page: PageInput) {\n    duesArrears(organisationId: $organisationId, year: $year, page: $page) { total offset items { ...DuesMemberYearFields } }\n  }\n"): typeof import('./graphql').DuesArrearsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MemberDues($memberId: ID!, $year: Int!) {\n    memberDues(memberId: $memberId, year: $year) {\n      year { ...DuesMemberYearFields }\n      payments { id month amount paidOn channel note recordedBy cancelledAt cancelReason }\n      bases { id from to basis amount note }\n      reliefs { id kind percent from to decidedOn reason }\n    }\n  }\n"): typeof import('./graphql').MemberDuesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ImportMembers($input: ImportFileInput!) {\n    importMembers(input: $input) { created updated skipped problems { row column reason } }\n  }\n"): typeof import('./graphql').ImportMembersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ImportOrganisations($input: ImportFileInput!) {\n    importOrganisations(input: $input) { created updated skipped problems { row column reason } }\n  }\n"): typeof import('./graphql').ImportOrganisationsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ImportDuesPayments($input: ImportDuesPaymentsInput!) {\n    importDuesPayments(input: $input) {\n      dryRun rows created amount duplicates skipped\n      problems { row column reason code }\n      payments { row memberId fullName month amount paidOn channel reference }\n    }\n  }\n"): typeof import('./graphql').ImportDuesPaymentsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment InspectionListFields on Inspection {\n    id organisationId body type title plannedFrom plannedTo startedOn concludedOn state countsTowardTarget\n    organisation { id name }\n    subjects { memberId }\n  }\n"): typeof import('./graphql').InspectionListFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment DisciplineFields on Discipline {\n    id memberId form decidingBody decidedOn reason\n  }\n"): typeof import('./graphql').DisciplineFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment InspectionDetailFields on Inspection {\n    id organisationId planId body type title contentAreas method reviewFrom reviewTo plannedFrom plannedTo\n    startedOn concludedOn state conclusion recommendation cancelledReason countsTowardTarget\n    organisation { id name kind ancestors { id } }\n    plan { id year organisationId }\n    subjects {\n      memberId selfReport strengths shortcomings violations conclusion\n      member { id fullName status }\n      discipline { ...DisciplineFields }\n    }\n    disciplines { ...DisciplineFields }\n  }\n"): typeof import('./graphql').InspectionDetailFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PlanFields on InspectionPlan {\n    id organisationId year purpose content subjectMemberIds reviewFrom reviewTo timing method adoptedOn note\n    subjects { id fullName }\n    inspections { id state }\n  }\n"): typeof import('./graphql').PlanFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query InspectionCellMembers($organisationId: ID!, $asOf: Date) {\n    members(filter: { organisationId: $organisationId }, page: { offset: 0, limit: 500 }, asOf: $asOf) {\n      total\n      items { id fullName status }\n    }\n  }\n"): typeof import('./graphql').InspectionCellMembersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Inspections($filter: InspectionFilter, $page: PageInput) {\n    inspections(filter: $filter, page: $page) {\n      total offset limit\n      items { ...InspectionListFields }\n    }\n  }\n"): typeof import('./graphql').InspectionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Inspection($id: ID!) {\n    inspection(id: $id) { ...InspectionDetailFields }\n  }\n"): typeof import('./graphql').InspectionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query InspectionPlans($organisationId: ID, $year: Int) {\n    inspectionPlans(organisationId: $organisationId, year: $year, page: { offset: 0, limit: 50 }) {\n      items { ...PlanFields }\n    }\n  }\n"): typeof import('./graphql').InspectionPlansDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query InspectionOrganisation($id: ID!, $asOf: Date) {\n    organisation(id: $id, asOf: $asOf) { id name kind ancestors { id } }\n  }\n"): typeof import('./graphql').InspectionOrganisationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query InspectionTarget($input: InspectionTargetInput!, $filter: TargetCellFilter!) {\n    inspectionTarget(input: $input) {\n      year asOf referenceDate subjectCount metCount behindCount percent percentText\n      projectedMetCount projectedPercent concludedTotal\n      organisation { id name }\n      cells(filter: $filter) {\n        hasCellCommittee required concluded inProgress planned missing met onPace projectedConcluded joinedDuringYear\n        organisation { id code name }\n        parent { id name }\n      }\n    }\n  }\n"): typeof import('./graphql').InspectionTargetDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SupervisionCoverage($input: InspectionTargetInput!) {\n    supervisionCoverage(input: $input) {\n      year referenceDate minPercent maxPercent cellCount metCount metPercent members supervised percent\n      cells(filter: BELOW) {\n        members supervised percent status met\n        organisation { id name parent { id name } }\n      }\n    }\n  }\n"): typeof import('./graphql').SupervisionCoverageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PlanInspection($input: PlanInspectionInput!) {\n    planInspection(input: $input) { ...InspectionDetailFields }\n  }\n"): typeof import('./graphql').PlanInspectionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartInspection($id: ID!, $input: StartInspectionInput!) {\n    startInspection(id: $id, input: $input) { ...InspectionDetailFields }\n  }\n"): typeof import('./graphql').StartInspectionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConcludeInspection($id: ID!, $input: ConcludeInspectionInput!) {\n    concludeInspection(id: $id, input: $input) { ...InspectionDetailFields }\n  }\n"): typeof import('./graphql').ConcludeInspectionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CancelInspection($id: ID!, $reason: String!) {\n    cancelInspection(id: $id, reason: $reason) { ...InspectionDetailFields }\n  }\n"): typeof import('./graphql').CancelInspectionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateInspectionPlan($input: CreateInspectionPlanInput!) {\n    createInspectionPlan(input: $input) { ...PlanFields }\n  }\n"): typeof import('./graphql').CreateInspectionPlanDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateInspectionPlan($id: ID!, $input: InspectionPlanInput!) {\n    updateInspectionPlan(id: $id, input: $input) { ...PlanFields }\n  }\n"): typeof import('./graphql').UpdateInspectionPlanDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment MeetingListFields on Meeting {\n    id organisationId kind title date startTime endTime actualStart actualEnd place state\n    organisation { id name }\n    attendanceRate { present expected percent }\n    flags { code severity message messageEn }\n  }\n"): typeof import('./graphql').MeetingListFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment MeetingDetailFields on Meeting {\n    ...MeetingListFields\n    mode format formatNote theme topics chairMemberId minuteTakerMemberId\n    guests minutes resolution votesFor votesAgainst votesAbstain\n    tasks { text assigneeMemberId dueOn }\n    selfAssessment selfTotal cancelledReason closedAt version\n    attendance { memberId status reason late leftEarly }\n    amendments { id reason amendedAt amendedBy before after }\n    documentList { id kind name url mimeType sizeBytes createdAt }\n    visitRecords { id visitorUserId visitorName attended total maxTotal level selfTotal scoreGapWarning guidance issues followUp }\n  }\n"): typeof import('./graphql').MeetingDetailFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MeetingCellMembers($organisationId: ID!, $asOf: Date) {\n    members(filter: { organisationId: $organisationId }, page: { offset: 0, limit: 500 }, asOf: $asOf) {\n      total\n      items { id fullName status exemption }\n    }\n  }\n"): typeof import('./graphql').MeetingCellMembersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Meeting($id: ID!) {\n    meeting(id: $id) { ...MeetingDetailFields }\n  }\n"): typeof import('./graphql').MeetingDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MeetingList($filter: MeetingFilter, $page: PageInput) {\n    meetingList(filter: $filter, page: $page) {\n      total offset limit\n      items { ...MeetingListFields }\n    }\n  }\n"): typeof import('./graphql').MeetingListDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CellMonthMeetings($filter: MeetingFilter) {\n    meetingList(filter: $filter, page: { offset: 0, limit: 50 }) {\n      items { id kind state date title }\n    }\n  }\n"): typeof import('./graphql').CellMonthMeetingsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MeetingMyAssignments($userId: ID) {\n    visitAssignments(visitorUserId: $userId) { id cellId from to }\n  }\n"): typeof import('./graphql').MeetingMyAssignmentsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MeetingOrganisation($id: ID!, $asOf: Date) {\n    organisation(id: $id, asOf: $asOf) {\n      id name kind\n      parent { id name kind }\n      ancestors { id name kind }\n      committee { role member { id fullName } }\n    }\n  }\n"): typeof import('./graphql').MeetingOrganisationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddMeetingDocument($meetingId: ID!, $input: AddMeetingDocumentInput!) {\n    addMeetingDocument(meetingId: $meetingId, input: $input) { id kind name url mimeType sizeBytes createdAt }\n  }\n"): typeof import('./graphql').AddMeetingDocumentDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveMeetingDocument($id: ID!) {\n    removeMeetingDocument(id: $id)\n  }\n"): typeof import('./graphql').RemoveMeetingDocumentDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MeetingDocumentContent($id: ID!) {\n    meetingDocumentContent(id: $id)\n  }\n"): typeof import('./graphql').MeetingDocumentContentDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateMeeting($input: CreateMeetingInput!) {\n    createMeeting(input: $input) { ...MeetingDetailFields }\n  }\n"): typeof import('./graphql').CreateMeetingDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateMeeting($id: ID!, $input: MeetingPlanInput!) {\n    updateMeeting(id: $id, input: $input) { ...MeetingDetailFields }\n  }\n"): typeof import('./graphql').UpdateMeetingDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordMeeting($id: ID!, $input: MeetingRecordInput!, $expectedVersion: Int, $clientKey: String) {\n    recordMeeting(id: $id, input: $input, expectedVersion: $expectedVersion, clientKey: $clientKey) { ...MeetingDetailFields }\n  }\n"): typeof import('./graphql').RecordMeetingDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CloseMeeting($id: ID!) {\n    closeMeeting(id: $id) { ...MeetingDetailFields }\n  }\n"): typeof import('./graphql').CloseMeetingDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CancelMeeting($id: ID!, $reason: String!) {\n    cancelMeeting(id: $id, reason: $reason) { ...MeetingDetailFields }\n  }\n"): typeof import('./graphql').CancelMeetingDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AmendMeeting($id: ID!, $reason: String!, $input: MeetingRecordInput!) {\n    amendMeeting(id: $id, reason: $reason, input: $input) { ...MeetingDetailFields }\n  }\n"): typeof import('./graphql').AmendMeetingDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Member($id: ID!, $asOf: Date) {\n    member(id: $id, asOf: $asOf) {\n      id fullName birthDate gender ethnicity religion homeTown residence nationalId\n      cardNumber fileNumber leftOn admissionDecisionDate ceremonyDate fullMembershipDate introducers\n      educationGeneral educationProfessional politicalTheory job post courseCompletedOn admissionAgeApproval\n      status exemption temporarilyAway allowedEvents\n      organisation { id name ancestors { id } }\n      partyAge { years months }\n      probationState probationEnd recognitionDeadline\n      nextBadge { milestone reachedOn awardOn }\n      events {\n        id type effectiveOn organisationId toOrganisationId externalOrganisation reason note endOn recordedAt\n      }\n      disciplines { id form decidingBody decidedOn reason }\n      attendanceHistory(page: { limit: 100 }) {\n        from to total notRecorded rate { present expected percent }\n        items { meetingId date kind title cellName status late canOpen }\n      }\n    }\n  }\n"): typeof import('./graphql').MemberDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Members($filter: MemberFilter, $page: PageInput, $asOf: Date) {\n    members(filter: $filter, page: $page, asOf: $asOf) {\n      total offset limit\n      items {\n        id fullName birthDate gender status cardNumber ceremonyDate fullMembershipDate probationState post\n        partyAge { years months }\n        organisation { id name }\n      }\n    }\n  }\n"): typeof import('./graphql').MembersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateMember($input: CreateMemberInput!) {\n    createMember(input: $input) { id fullName }\n  }\n"): typeof import('./graphql').CreateMemberDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateMember($id: ID!, $input: MemberDataInput!) {\n    updateMember(id: $id, input: $input) { id fullName }\n  }\n"): typeof import('./graphql').UpdateMemberDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordMemberEvent($input: MemberEventInput!) {\n    recordMemberEvent(input: $input) { id status }\n  }\n"): typeof import('./graphql').RecordMemberEventDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordDiscipline($input: RecordDisciplineInput!) {\n    recordDiscipline(input: $input) { id form }\n  }\n"): typeof import('./graphql').RecordDisciplineDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyNotices($unreadOnly: Boolean, $page: PageInput) {\n    myNotices(unreadOnly: $unreadOnly, page: $page) {\n      total\n      unreadCount\n      items { id kind code title titleEn body bodyEn link dueOn createdAt readAt }\n    }\n  }\n"): typeof import('./graphql').MyNoticesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MarkNoticesRead($ids: [ID!]!) {\n    markNoticesRead(ids: $ids)\n  }\n"): typeof import('./graphql').MarkNoticesReadDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MarkAllNoticesRead {\n    markAllNoticesRead\n  }\n"): typeof import('./graphql').MarkAllNoticesReadDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyUnreadNoticeCount {\n    myUnreadNoticeCount\n  }\n"): typeof import('./graphql').MyUnreadNoticeCountDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrganisationChildren($id: ID!, $asOf: Date) {\n    organisation(id: $id, asOf: $asOf) {\n      id\n      children { id code name kind childCount }\n    }\n  }\n"): typeof import('./graphql').OrganisationChildrenDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrganisationPath($id: ID!, $asOf: Date) {\n    organisation(id: $id, asOf: $asOf) {\n      id\n      ancestors { id }\n    }\n  }\n"): typeof import('./graphql').OrganisationPathDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Organisation($id: ID!, $asOf: Date) {\n    organisation(id: $id, asOf: $asOf) {\n      id code name kind levelName unitServed\n      establishedOn dissolvedOn termStart termEnd termType\n      terms { start end type inForce }\n      hasCellCommittee\n      parent { id name }\n      ancestors { id name }\n      flags { code severity message messageEn }\n      subtreeCounts {\n        organisations\n        byKind { kind count }\n        members fullMembers probationaryMembers\n      }\n      committee { id role from to member { id fullName } }\n      children { id code name kind childCount dissolvedOn memberCount fullMemberCount probationaryCount }\n      history { id type effectiveOn note recordedAt fromParentId toParentId relatedId }\n    }\n  }\n"): typeof import('./graphql').OrganisationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateOrganisation($input: CreateOrganisationInput!) {\n    createOrganisation(input: $input) { id name }\n  }\n"): typeof import('./graphql').CreateOrganisationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateOrganisation($id: ID!, $input: UpdateOrganisationInput!) {\n    updateOrganisation(id: $id, input: $input) { id name }\n  }\n"): typeof import('./graphql').UpdateOrganisationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MoveOrganisation($input: MoveOrganisationInput!) {\n    moveOrganisation(input: $input) { id name }\n  }\n"): typeof import('./graphql').MoveOrganisationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DissolveOrganisation($input: DissolveOrganisationInput!) {\n    dissolveOrganisation(input: $input) { id name }\n  }\n"): typeof import('./graphql').DissolveOrganisationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MergeOrganisations($input: MergeOrganisationsInput!) {\n    mergeOrganisations(input: $input) { id name }\n  }\n"): typeof import('./graphql').MergeOrganisationsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SplitOrganisation($input: SplitOrganisationInput!) {\n    splitOrganisation(input: $input) { id name }\n  }\n"): typeof import('./graphql').SplitOrganisationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AssignCommitteeSeat($input: AssignCommitteeSeatInput!) {\n    assignCommitteeSeat(input: $input) { id }\n  }\n"): typeof import('./graphql').AssignCommitteeSeatDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EndCommitteeSeat($input: EndCommitteeSeatInput!) {\n    endCommitteeSeat(input: $input) { id }\n  }\n"): typeof import('./graphql').EndCommitteeSeatDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SplitMembers($id: ID!, $asOf: Date) {\n    members(filter: { organisationId: $id }, page: { limit: 500 }, asOf: $asOf) {\n      items { id fullName status organisation { id } }\n    }\n  }\n"): typeof import('./graphql').SplitMembersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CellVisitAssignments($cellId: ID!) {\n    visitAssignments(cellId: $cellId) { id cellId from to requiredPerYear visitorUserId visitorName }\n  }\n"): typeof import('./graphql').CellVisitAssignmentsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AssignableVisitors($organisationId: ID!, $asOf: Date) {\n    assignableVisitors(organisationId: $organisationId, asOf: $asOf) { id username displayName followsCells }\n  }\n"): typeof import('./graphql').AssignableVisitorsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AssignVisitor($input: AssignVisitorInput!) {\n    assignVisitor(input: $input) { id }\n  }\n"): typeof import('./graphql').AssignVisitorDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EndVisitAssignment($id: ID!, $to: Date!) {\n    endVisitAssignment(id: $id, to: $to) { id to }\n  }\n"): typeof import('./graphql').EndVisitAssignmentDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SeatCandidates($organisationId: ID!, $search: String) {\n    members(filter: { organisationId: $organisationId, search: $search }, page: { limit: 20 }) { items { id fullName organisation { name } } }\n  }\n"): typeof import('./graphql').SeatCandidatesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment RoundFields on RatingRound {\n    id organisationId year periodKind periodLabel title selfAssessmentDue proposalDue decisionDue state openedAt openedBy\n    announcedAt ratingCount decidedCount\n  }\n"): typeof import('./graphql').RoundFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment RatingFields on Rating {\n    id roundId year subjectKind memberId subjectOrganisationId subjectName organisationId organisationName proposerId\n    deciderId quotaGroupId scheme rawLabel score computedLevel blockReasons proposedLevel proposalNote decidedLevel\n    decisionReason quotaOverrideReason stage selfAssessedAt\n    selfAssessment { generalPoints taskPoints tasks { assigned completed onTime exceeded } shortcomingsFixed note }\n  }\n"): typeof import('./graphql').RatingFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment FigureSetFields on RatingFigureSet {\n    total rated notRated levels { level count percent } wellCompletedOrBetter { count percent }\n    excellentOfWellCompletedOrBetter excellentOfRated\n  }\n"): typeof import('./graphql').FigureSetFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment FiguresFields on RatingFigures {\n    organisationId year asOf\n    groups {\n      subjectKind\n      current { ...FigureSetFields }\n      previous { ...FigureSetFields }\n      change {\n        rated levels { level count points } wellCompletedOrBetter { count points } excellentOfWellCompletedOrBetter\n        excellentOfRated\n      }\n    }\n  }\n"): typeof import('./graphql').FiguresFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RatingBody($id: ID!, $asOf: Date) {\n    organisation(id: $id, asOf: $asOf) { id ancestors { id } }\n  }\n"): typeof import('./graphql').RatingBodyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RatingFigures($input: RatingFiguresInput!) {\n    ratingFigures(input: $input) { ...FiguresFields }\n  }\n"): typeof import('./graphql').RatingFiguresDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RatingFigureRows($input: RatingFigureRowsInput!, $page: PageInput) {\n    ratingFigureRows(input: $input, page: $page) {\n      total\n      items { subjectKind memberId subjectOrganisationId name organisationId organisationName ratingId level scheme rawLabel notRatedReason }\n    }\n  }\n"): typeof import('./graphql').RatingFigureRowsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdmissionProgress($organisationId: ID!, $year: Int!) {\n    admissionProgress(organisationId: $organisationId, year: $year) {\n      from to targetKind targetPercent termStart membersAtTermStart target admitted percent met remaining\n    }\n  }\n"): typeof import('./graphql').AdmissionProgressDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RatingMembers($organisationId: ID!, $search: String, $asOf: Date) {\n    members(filter: { organisationId: $organisationId, search: $search }, page: { offset: 0, limit: 30 }, asOf: $asOf) {\n      items { id fullName organisationId }\n    }\n  }\n"): typeof import('./graphql').RatingMembersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RatingPolicy($organisationId: ID!, $asOf: Date) {\n    policy(organisationId: $organisationId, asOf: $asOf)\n  }\n"): typeof import('./graphql').RatingPolicyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RatingRounds($organisationId: ID, $year: Int) {\n    ratingRounds(organisationId: $organisationId, year: $year) { ...RoundFields }\n  }\n"): typeof import('./graphql').RatingRoundsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RatingRound($id: ID!) {\n    ratingRound(id: $id) { ...RoundFields }\n  }\n"): typeof import('./graphql').RatingRoundDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RatingRoundStages($id: ID!) {\n    SELF_ASSESSED: ratings(filter: { roundId: $id, stages: [SELF_ASSESSED] }, page: { limit: 1 }) { total }\n    PROPOSED: ratings(filter: { roundId: $id, stages: [PROPOSED] }, page: { limit: 1 }) { total }\n    DECIDED: ratings(filter: { roundId: $id, stages: [DECIDED] }, page: { limit: 1 }) { total }\n    ANNOUNCED: ratings(filter: { roundId: $id, stages: [ANNOUNCED] }, page: { limit: 1 }) { total }\n  }\n"): typeof import('./graphql').RatingRoundStagesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Ratings($filter: RatingFilter, $page: PageInput) {\n    ratings(filter: $filter, page: $page) { total items { ...RatingFields } }\n  }\n"): typeof import('./graphql').RatingsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RatingRoundPending($roundId: ID!, $search: String, $page: PageInput) {\n    ratingRoundPending(roundId: $roundId, search: $search, page: $page) {\n      total items { subjectKind memberId organisationId name parentOrganisationId organisationName }\n    }\n  }\n"): typeof import('./graphql').RatingRoundPendingDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OpenRatingRound($input: OpenRatingRoundInput!) {\n    openRatingRound(input: $input) { ...RoundFields }\n  }\n"): typeof import('./graphql').OpenRatingRoundDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SubmitSelfAssessment($input: SubmitSelfAssessmentInput!) {\n    submitSelfAssessment(input: $input) { ...RatingFields }\n  }\n"): typeof import('./graphql').SubmitSelfAssessmentDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ProposeRating($input: ProposeRatingInput!) {\n    proposeRating(input: $input) { quotaWarning quota { groupId limit excellent base breached } rating { ...RatingFields } }\n  }\n"): typeof import('./graphql').ProposeRatingDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DecideRating($input: DecideRatingInput!) {\n    decideRating(input: $input) { ...RatingFields }\n  }\n"): typeof import('./graphql').DecideRatingDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AnnounceRatingRound($id: ID!) {\n    announceRatingRound(id: $id) { ...RoundFields }\n  }\n"): typeof import('./graphql').AnnounceRatingRoundDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Search($text: String!, $first: Int, $asOf: Date) {\n    search(text: $text, first: $first, asOf: $asOf) {\n      text\n      members { id fullName status organisation { id name } }\n      organisations { id code name kind }\n      meetings { id title date kind organisation { id name } }\n    }\n  }\n"): typeof import('./graphql').SearchDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment VisitFields on Visit {\n    id meetingId cellId date visitorUserId visitorName attended scores total maxTotal level selfTotal scoreGapWarning\n    guidance issues followUp\n  }\n"): typeof import('./graphql').VisitFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment VisitMeetingFields on Meeting {\n    id organisationId kind title date startTime endTime actualStart actualEnd place state selfTotal\n    organisation { id name }\n    attendanceRate { present expected percent }\n  }\n"): typeof import('./graphql').VisitMeetingFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyVisitAssignments($userId: ID) {\n    visitAssignments(visitorUserId: $userId) { id cellId from to requiredPerYear visitorUserId visitorName }\n  }\n"): typeof import('./graphql').MyVisitAssignmentsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query VisitCellName($id: ID!, $asOf: Date) {\n    organisation(id: $id, asOf: $asOf) { id name }\n  }\n"): typeof import('./graphql').VisitCellNameDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query VisitCellMeetings($organisationId: ID, $from: Date, $to: Date) {\n    meetingList(filter: { organisationId: $organisationId, from: $from, to: $to }, page: { offset: 0, limit: 200 }) {\n      total\n      items { ...VisitMeetingFields }\n    }\n  }\n"): typeof import('./graphql').VisitCellMeetingsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyVisits($userId: ID, $from: Date, $to: Date) {\n    visits(visitorUserId: $userId, from: $from, to: $to, page: { offset: 0, limit: 500 }) {\n      total\n      items { ...VisitFields }\n    }\n  }\n"): typeof import('./graphql').MyVisitsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query VisitMeeting($id: ID!) {\n    meeting(id: $id) {\n      ...VisitMeetingFields\n      visitRecords { ...VisitFields }\n    }\n  }\n"): typeof import('./graphql').VisitMeetingDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query VisitReport($input: VisitReportInput!) {\n    visitReport(input: $input) {\n      month\n      lines {\n        visitorUserId visitorName assignedCells visits scored unscored cellsNotVisited state dueOn submittedOn\n        items { ...VisitFields }\n      }\n    }\n  }\n"): typeof import('./graphql').VisitReportDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordVisit($input: RecordVisitInput!) {\n    recordVisit(input: $input) { ...VisitFields }\n  }\n"): typeof import('./graphql').RecordVisitDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SubmitVisitReport($month: String!, $note: String) {\n    submitVisitReport(month: $month, note: $note)\n  }\n"): typeof import('./graphql').SubmitVisitReportDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RefreshSession {\n    refreshSession {\n      accessToken\n      accessTokenExpiresAt\n      viewer { id username displayName isAdmin }\n    }\n  }\n"): typeof import('./graphql').RefreshSessionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignOut {\n    signOut\n  }\n"): typeof import('./graphql').SignOutDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Policy($organisationId: ID!, $asOf: Date) {\n    policy(organisationId: $organisationId, asOf: $asOf)\n  }\n"): typeof import('./graphql').PolicyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ScopeRoots($asOf: Date) {\n    scopeRoots(asOf: $asOf) { id code name kind childCount }\n  }\n"): typeof import('./graphql').ScopeRootsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me {\n    me { id username displayName isAdmin grants { id role organisationId memberId } }\n  }\n"): typeof import('./graphql').MeDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
