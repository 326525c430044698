package dev.tollgate.verification;

import dev.tollgate.client.NewMarketplace;
import dev.tollgate.client.PaymentsClient;
import dev.tollgate.client.SignupRequest;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the suites of one verification run share: the run's id, the payments client pointed at
 * {@code TARGET_URL}, and the run's own tenant, a test marketplace named
 * {@code sysverify-<run id>} signed up on first use. Every marketplace signed up through this
 * context is deleted by the runner when the run ends (through payments'
 * {@code DELETE /internal/test-data?marketplace_id=…}); one whose signup answer was lost is
 * removed later by the sweeper.
 *
 * <p>Suites receive it as a constructor (or method) parameter; it exists only while the runner
 * runs them. Thread-safe.
 */
public final class RunContext {
  /** The prefix of every marketplace name the runner creates. */
  public static final String NAME_PREFIX = "sysverify-";

  private final String runId;
  private final URI targetUrl;
  private final PaymentsClient anonymous;
  private final List<String> marketplaceIds = new CopyOnWriteArrayList<>();
  private final AtomicInteger references = new AtomicInteger();
  private NewMarketplace tenant;

  /**
   * @param runId the run's id, e.g. {@code 20261121T051724Z-3fa9c1}
   * @param targetUrl the payments API under test ({@code TARGET_URL})
   * @param anonymous a client of that API without an API key
   */
  public RunContext(String runId, URI targetUrl, PaymentsClient anonymous) {
    this.runId = Objects.requireNonNull(runId, "runId");
    this.targetUrl = Objects.requireNonNull(targetUrl, "targetUrl");
    this.anonymous = Objects.requireNonNull(anonymous, "anonymous");
  }

  /** The run's id. */
  public String runId() {
    return runId;
  }

  /** The payments API under test. */
  public URI targetUrl() {
    return targetUrl;
  }

  /** The name of the run's tenant: {@code sysverify-<run id>}. */
  public String tenantName() {
    return NAME_PREFIX + runId;
  }

  /** A client without an API key (signup, and requests that must be refused). */
  public PaymentsClient anonymous() {
    return anonymous;
  }

  /**
   * The run's tenant, signed up as a test marketplace on the first call and shared by every
   * suite of the run afterwards. A failed signup is not remembered: the next call tries again.
   *
   * @throws dev.tollgate.client.PaymentsException when the signup fails
   */
  public synchronized NewMarketplace tenant() {
    if (tenant == null) {
      tenant = signUp(tenantName());
    }
    return tenant;
  }

  /** A client acting for the run's tenant (signing it up first if needed). */
  public PaymentsClient client() {
    return anonymous.withApiKey(tenant().apiKey());
  }

  /**
   * Signs up one more test marketplace for this run, named {@code sysverify-<run id>-<purpose>}
   * (e.g. a second tenant to check isolation); it is deleted with the run's tenant.
   */
  public NewMarketplace signUpTestMarketplace(String purpose) {
    return signUp(tenantName() + "-" + purpose);
  }

  /**
   * A text unique within the run, for descriptions that a test looks for afterwards, e.g.
   * {@code sysverify-<run id> retry 3}.
   */
  public String uniqueReference(String what) {
    return tenantName() + " " + what + " " + references.incrementAndGet();
  }

  /** The ids of every marketplace signed up through this context, in order. */
  public List<String> marketplaceIds() {
    return List.copyOf(marketplaceIds);
  }

  private NewMarketplace signUp(String name) {
    NewMarketplace created = anonymous.marketplaces().signup(SignupRequest.test(name));
    marketplaceIds.add(created.id());
    return created;
  }
}
