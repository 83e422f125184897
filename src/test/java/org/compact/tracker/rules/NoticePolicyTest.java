package org.compact.tracker.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class NoticePolicyTest {

    private final NoticePolicy notice = new NoticePolicy(RuleSettings.defaults());

    @Test
    void countsOneCalendarMonthFromThirtyFirstJanuaryToTheEndOfFebruary() {
        assertEquals(LocalDate.of(2027, 2, 28), notice.earliestOpening(LocalDate.of(2027, 1, 31)));
    }

    @Test
    void countsOneCalendarMonthToTwentyNinthFebruaryInALeapYear() {
        assertEquals(LocalDate.of(2028, 2, 29), notice.earliestOpening(LocalDate.of(2028, 1, 31)));
    }

    @Test
    void refusesToOpenOnTheLastDayOfTheNoticePeriod() {
        Check check = notice.mayOpenOn(LocalDate.of(2027, 3, 15), LocalDate.of(2027, 4, 14));

        assertEquals(Verdict.FAIL, check.verdict());
        assertEquals("Notice went out on 2027-03-15; the notice period runs until 2027-04-14, so it may open from "
                + "2027-04-15, not on 2027-04-14.", check.reason());
    }

    @Test
    void allowsOpeningTheDayAfterTheNoticePeriod() {
        assertEquals(Verdict.PASS, notice.mayOpenOn(LocalDate.of(2027, 3, 15), LocalDate.of(2027, 4, 15)).verdict());
    }

    @Test
    void refusesToOpenOnTwentySeventhFebruaryAfterNoticeOnThirtyFirstJanuary() {
        assertEquals(Verdict.FAIL, notice.mayOpenOn(LocalDate.of(2027, 1, 31), LocalDate.of(2027, 2, 27)).verdict());
        assertEquals(Verdict.PASS, notice.mayOpenOn(LocalDate.of(2027, 1, 31), LocalDate.of(2027, 2, 28)).verdict());
    }

    @Test
    void refusesToOpenWithoutNotice() {
        assertEquals(Verdict.FAIL, notice.mayOpenOn(null, LocalDate.of(2027, 4, 15)).verdict());
    }

    @Test
    void tellsAPlannedConsultationTheDayToNotifyBy() {
        Check check = notice.evaluate(Facts.planned().today(LocalDate.of(2027, 1, 4))
                .open(LocalDate.of(2027, 2, 15), LocalDate.of(2027, 5, 9)).build());

        assertEquals(Verdict.PASS, check.verdict());
        assertEquals("Notify by 2027-01-15 to give one calendar month before opening on 2027-02-15.", check.reason());
    }

    @Test
    void passesAPlannedConsultationOnItsNoticeDeadline() {
        ConsultationFacts facts = Facts.planned().today(LocalDate.of(2027, 1, 15))
                .open(LocalDate.of(2027, 2, 15), LocalDate.of(2027, 5, 9)).build();

        assertEquals(Verdict.PASS, notice.evaluate(facts).verdict());
    }

    @Test
    void failsAPlannedConsultationWhoseNoticeDeadlineHasPassed() {
        Check check = notice.evaluate(Facts.planned().today(LocalDate.of(2027, 1, 16))
                .open(LocalDate.of(2027, 2, 15), LocalDate.of(2027, 5, 9)).build());

        assertEquals(Verdict.FAIL, check.verdict());
        assertEquals("The notice deadline for opening on 2027-02-15 was 2027-01-15; notice sent on 2027-01-16 gives "
                + "less than one calendar month. Open on 2027-02-16 or later, or record an exemption.", check.reason());
    }

    @Test
    void keepsTheDeadlineAtThirtyFirstJanuaryForOpeningOnTwentyEighthFebruary() {
        LocalDate opensOn = LocalDate.of(2027, 2, 28);

        assertEquals(LocalDate.of(2027, 1, 31), notice.deadline(opensOn));
        assertEquals(Verdict.PASS, notice.evaluate(Facts.planned().today(LocalDate.of(2027, 1, 31))
                .open(opensOn, LocalDate.of(2027, 5, 30)).build()).verdict());
        assertEquals(Verdict.FAIL, notice.evaluate(Facts.planned().today(LocalDate.of(2027, 2, 1))
                .open(opensOn, LocalDate.of(2027, 5, 30)).build()).verdict());
    }

    @Test
    void putsTheDeadlineOneCalendarMonthBeforeAnOpeningAtTheEndOfMarch() {
        assertEquals(LocalDate.of(2027, 2, 28), notice.deadline(LocalDate.of(2027, 3, 31)));
        assertEquals(LocalDate.of(2028, 2, 29), notice.deadline(LocalDate.of(2028, 3, 29)));
    }

    @Test
    void warnsAPlannedConsultationWithoutAnOpenDate() {
        Check check = notice.evaluate(Facts.planned().open(null, null).build());

        assertEquals(Verdict.WARN, check.verdict());
        assertEquals("No open date yet: set one to know when notice must go out.", check.reason());
    }

    @Test
    void failsANotifiedConsultationMovedToOpenBeforeTheMonthHasRun() {
        Check check = notice.evaluate(Facts.planned().notifiedOn(LocalDate.of(2027, 1, 31))
                .open(LocalDate.of(2027, 2, 27), LocalDate.of(2027, 5, 30)).build());

        assertEquals(Verdict.FAIL, check.verdict());
        assertEquals("Notice went out on 2027-01-31; the consultation may open from 2027-02-28 (one calendar month), "
                + "not on 2027-02-27.", check.reason());
    }

    @Test
    void passesANotifiedConsultationOpeningWhenTheMonthHasRun() {
        Check check = notice.evaluate(Facts.planned().notifiedOn(LocalDate.of(2027, 1, 31))
                .open(LocalDate.of(2027, 2, 28), LocalDate.of(2027, 5, 30)).build());

        assertEquals(Verdict.PASS, check.verdict());
        assertEquals("Notice went out on 2027-01-31; the consultation may open from 2027-02-28 (one calendar month).",
                check.reason());
    }

    @Test
    void judgesANotifiedConsultationOnItsNoticeDateNotOnToday() {
        ConsultationFacts facts = Facts.planned().today(LocalDate.of(2027, 3, 1))
                .notifiedOn(LocalDate.of(2027, 1, 31)).open(LocalDate.of(2027, 3, 1), LocalDate.of(2027, 5, 30))
                .build();

        assertEquals(Verdict.PASS, notice.evaluate(facts).verdict());
    }

    @Test
    void aMixedNoticePeriodGivesTheLastDayThatStillGivesTheWholePeriod() {
        RuleSettings d = RuleSettings.defaults();
        NoticePolicy monthAndFortnight = new NoticePolicy(new RuleSettings(java.time.Period.parse("P1M14D"),
                d.priorWorkLookBack(), d.analysisPeriod(), d.minimumDuration(), d.overloadConcurrent(),
                d.overloadPerQuarter(), d.expectedProvisions(), d.themeGroups(), d.minimumReadingEase(),
                d.maximumSentenceWords(), d.jargon()));
        LocalDate opensOn = LocalDate.of(2027, 3, 12);

        LocalDate deadline = monthAndFortnight.deadline(opensOn);

        assertEquals(LocalDate.of(2027, 1, 26), deadline);
        assertEquals(Verdict.PASS, monthAndFortnight.mayOpenOn(deadline, opensOn).verdict());
        assertEquals(Verdict.FAIL, monthAndFortnight.mayOpenOn(deadline.plusDays(1), opensOn).verdict());
    }

    private static final NoticeReceipt DEAF_FORUM_5_JAN = NoticeReceipt.received(3, "Salford Deaf Forum", LocalDate.of(2027, 1, 5));
    private static final NoticeReceipt CARERS_1_JAN = NoticeReceipt.received(4, "Carers Centre", LocalDate.of(2027, 1, 1));

    @Test
    void countsEachOrganisationsNoticeFromItsOwnReceiptNotFromTheDayItWasSent() {
        List<NoticeReceipt> receipts = List.of(CARERS_1_JAN, DEAF_FORUM_5_JAN);

        Check onFirstFebruary = notice.mayOpenOn(LocalDate.of(2027, 1, 1), receipts, LocalDate.of(2027, 2, 1));
        assertEquals(Verdict.FAIL, onFirstFebruary.verdict());
        assertEquals(List.of("Salford Deaf Forum (organisation 3) received the notice on 2027-01-05, so it may open "
                + "from 2027-02-05, not on 2027-02-01."), notice.shortOfNotice(receipts, LocalDate.of(2027, 2, 1))
                .stream().map(Check::reason).toList());
        assertEquals(Verdict.FAIL, notice.mayOpenOn(LocalDate.of(2027, 1, 1), receipts, LocalDate.of(2027, 2, 4)).verdict());
        assertEquals(Verdict.PASS, notice.mayOpenOn(LocalDate.of(2027, 1, 1), receipts, LocalDate.of(2027, 2, 5)).verdict());
        assertEquals(LocalDate.of(2027, 2, 5), notice.earliestOpening(receipts));
    }

    @Test
    void aNoticeStillQueuedOrGivenUpHasNotBeenReceivedAndSaysWhatToDo() {
        List<NoticeReceipt> receipts = List.of(CARERS_1_JAN, NoticeReceipt.notReceived(7, "Ordsall Tenants", false),
                NoticeReceipt.notReceived(8, "Irlams o' th' Height Forum", true));

        List<String> reasons = notice.shortOfNotice(receipts, LocalDate.of(2027, 12, 1)).stream().map(Check::reason).toList();

        assertEquals(2, reasons.size());
        assertEquals("Ordsall Tenants (organisation 7) has not received the notice: it is still waiting for the mail "
                + "server. Once it is taken, one calendar month runs from that day; or correct the contact and send it "
                + "again, or record a NOTICE exemption.", reasons.get(0));
        assertEquals("Irlams o' th' Height Forum (organisation 8) has not received the notice: the mail server refused "
                + "it and it was given up. Correct the contact and send it again, or record a NOTICE exemption.",
                reasons.get(1));
        assertEquals(null, notice.earliestOpening(receipts));
    }

    @Test
    void countsFromTheDayNoticeWasSentWhenItReachedNoOrganisation() {
        assertEquals(Verdict.PASS, notice.mayOpenOn(LocalDate.of(2027, 1, 1), List.of(), LocalDate.of(2027, 2, 1)).verdict());
        assertEquals(Verdict.FAIL, notice.mayOpenOn(LocalDate.of(2027, 1, 1), List.of(), LocalDate.of(2027, 1, 31)).verdict());
    }

    @Test
    void theChecklistNamesTheLastReceiptAndTheDayItMayOpenFrom() {
        Check check = notice.evaluate(Facts.planned().today(LocalDate.of(2027, 1, 20)).notifiedOn(LocalDate.of(2027, 1, 1))
                .open(LocalDate.of(2027, 2, 1), LocalDate.of(2027, 5, 9)).receipts(CARERS_1_JAN, DEAF_FORUM_5_JAN).build());

        assertEquals(Verdict.FAIL, check.verdict());
        assertEquals("The last organisation notified received the notice on 2027-01-05; the consultation may open from "
                + "2027-02-05 (one calendar month from each one's receipt), not on 2027-02-01.", check.reason());
    }

    @Test
    void theChecklistWarnsWhileANoticeWaitsForTheMailServerAndFailsWhenOneWasGivenUp() {
        Facts waiting = Facts.planned().today(LocalDate.of(2027, 1, 2)).notifiedOn(LocalDate.of(2027, 1, 1))
                .open(LocalDate.of(2027, 3, 1), LocalDate.of(2027, 5, 30));

        assertEquals(Verdict.WARN, notice.evaluate(waiting.receipts(CARERS_1_JAN,
                NoticeReceipt.notReceived(7, "Ordsall Tenants", false)).build()).verdict());
        assertEquals(Verdict.FAIL, notice.evaluate(waiting.receipts(CARERS_1_JAN,
                NoticeReceipt.notReceived(7, "Ordsall Tenants", true)).build()).verdict());
    }
}
