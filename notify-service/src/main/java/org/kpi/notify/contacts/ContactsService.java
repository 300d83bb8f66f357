package org.kpi.notify.contacts;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.kpi.common.audit.AuditLog;
import org.kpi.common.org.OrgTree;
import org.kpi.common.org.OrgUnit;
import org.kpi.common.problem.FieldError;
import org.kpi.common.problem.ProblemException;
import org.kpi.common.security.Caller;
import org.kpi.common.security.Scope;
import org.kpi.common.web.ETags;
import org.kpi.notify.channels.OutboundGuard;
import org.kpi.notify.delivery.RecipientChannels;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Contacts (联系方式) of org units: who may read and write them, the rules they follow, and the
 * channels the delivery engine sends on. A unit reads and writes its own; supervisors those of
 * their subtree; admins all.
 */
@ApplicationScoped
public class ContactsService implements RecipientChannels {

    static final String ENTITY = "contacts";

    @Inject
    EntityManager em;

    @Inject
    AuditLog audit;

    @Inject
    Caller caller;

    @Inject
    Scope scope;

    @Inject
    OrgTree tree;

    @Inject
    OutboundGuard guard;

    @Inject
    Clock clock;

    @Transactional
    public ContactsView get(String orgUnitCode) {
        requireAccess(orgUnitCode);
        return view(orgUnitCode, em.find(ContactBook.class, orgUnitCode), stored(orgUnitCode));
    }

    /**
     * Replaces the unit's channels. The version is checked only when the caller names one (in
     * {@code If-Match} or the body): without it the write applies.
     */
    @Transactional
    public ContactsView replace(String orgUnitCode, ContactsRequest request, String ifMatch) {
        requireAccess(orgUnitCode);
        List<FieldError> errors = ContactRules.check(request.channels(), guard::refusalOfLiteral);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        // one writer per unit at a time, also for the first write, which creates the book
        em.find(OrgUnit.class, orgUnitCode, LockModeType.PESSIMISTIC_WRITE);
        ContactBook book = em.find(ContactBook.class, orgUnitCode);
        long current = book == null ? 0 : book.version;
        ETags.requireVersionIfGiven(ifMatch, request.version(), current);
        List<ContactChannelEntry> before = stored(orgUnitCode);
        ContactsView beforeView = view(orgUnitCode, book, before);
        boolean first = book == null;
        if (first) {
            book = new ContactBook();
            book.orgUnitCode = orgUnitCode;
        }
        book.version = current + 1;
        book.updatedAt = OffsetDateTime.now(clock);
        book.updatedBy = caller.subject();
        if (first) {
            em.persist(book);
        }
        em.createQuery("delete from ContactChannelEntry e where e.orgUnitCode = :code")
                .setParameter("code", orgUnitCode).executeUpdate();
        List<ContactChannelEntry> after = new ArrayList<>();
        for (ChannelRequest channel : request.channels()) {
            if (channel.type() == ChannelType.INBOX) {
                continue;
            }
            ContactChannelEntry entry = new ContactChannelEntry();
            entry.orgUnitCode = orgUnitCode;
            entry.sortOrder = after.size();
            entry.type = channel.type();
            entry.address = channel.address();
            entry.secret = secretOf(channel, before);
            em.persist(entry);
            after.add(entry);
        }
        em.flush();
        ContactsView afterView = view(orgUnitCode, book, after);
        audit.record("replace", ENTITY, orgUnitCode, orgUnitCode, beforeView, afterView);
        return afterView;
    }

    /** A unit to send a test message to: its name and its channels, secrets included. */
    public record Recipient(String name, List<ContactChannel> channels) {
    }

    /**
     * The unit's name and channels for a test message, to those who may write its contacts (the
     * same refusals as {@link #replace}).
     */
    @Transactional
    public Recipient recipientForTest(String orgUnitCode) {
        requireAccess(orgUnitCode);
        String name = tree.find(orgUnitCode).map(unit -> unit.name).orElse(orgUnitCode);
        return new Recipient(name, channelsOf(orgUnitCode));
    }

    /** The channels to reach {@code orgUnitCode} on, the inbox first, secrets included (for the delivery engine). */
    @Override
    @Transactional
    public List<ContactChannel> channelsOf(String orgUnitCode) {
        List<ContactChannel> channels = new ArrayList<>();
        channels.add(ContactChannel.INBOX);
        stored(orgUnitCode).forEach(e -> channels.add(e.toChannel()));
        return channels;
    }

    /** The unit's channel of that type and address, secret included, if it (still) has it. */
    @Override
    @Transactional
    public Optional<ContactChannel> find(String orgUnitCode, ChannelType type, String address) {
        if (type == ChannelType.INBOX) {
            return Optional.of(ContactChannel.INBOX);
        }
        return em.createQuery("from ContactChannelEntry e where e.orgUnitCode = :code and e.type = :type"
                        + " and e.address = :address", ContactChannelEntry.class)
                .setParameter("code", orgUnitCode)
                .setParameter("type", type)
                .setParameter("address", address)
                .getResultStream().findFirst().map(ContactChannelEntry::toChannel);
    }

    /**
     * The unit itself, a supervisor covering it, or an admin; others covering the unit (its
     * leaders) get 403, everyone else 404 so that units outside one's scope do not show.
     */
    private void requireAccess(String orgUnitCode) {
        boolean allowed = caller.isAdmin() || orgUnitCode.equals(caller.orgCode())
                || (caller.isSupervisor() && scope.covers(orgUnitCode));
        if (!allowed) {
            scope.requireVisible(orgUnitCode, "单位 " + orgUnitCode);
            throw ProblemException.forbidden("单位 " + orgUnitCode + " 的联系方式只有本单位、覆盖它的督查人员和管理员可以查看和修改");
        }
        if (tree.find(orgUnitCode).isEmpty()) {
            throw ProblemException.notFound("单位 " + orgUnitCode + " 不存在或无权查看");
        }
    }

    /** The secret a channel gets: the one sent, none for {@code ""}, else the one stored for the same channel. */
    private static String secretOf(ChannelRequest channel, List<ContactChannelEntry> before) {
        if (channel.secret() != null) {
            return channel.secret().isEmpty() ? null : channel.secret();
        }
        return before.stream()
                .filter(e -> e.type == channel.type() && e.address.equals(channel.address()))
                .findFirst()
                .map(e -> e.secret)
                .orElse(null);
    }

    private List<ContactChannelEntry> stored(String orgUnitCode) {
        return em.createQuery("from ContactChannelEntry e where e.orgUnitCode = :code order by e.sortOrder",
                        ContactChannelEntry.class)
                .setParameter("code", orgUnitCode)
                .getResultList();
    }

    private static ContactsView view(String orgUnitCode, ContactBook book, List<ContactChannelEntry> entries) {
        List<ChannelView> channels = new ArrayList<>();
        channels.add(ChannelView.of(ContactChannel.INBOX));
        entries.forEach(e -> channels.add(ChannelView.of(e.toChannel())));
        return book == null
                ? new ContactsView(orgUnitCode, channels, 0, null, null)
                : new ContactsView(orgUnitCode, channels, book.version, book.updatedAt, book.updatedBy);
    }
}
