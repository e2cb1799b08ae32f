// One exchange (one person's query through the network) and the messages that carry exchanges.
//
// An Exchange is what travels: the requester's request, then the provider's answer, with the
// timestamps each hop stamps on it. Beside it travels a hidden ground-truth tag (`truth`) that
// only the recorder reads: agents never look at it [design.md §1]. Immediate queries are one
// exchange per message; batch queries carry many exchanges in one message (a singly linked list).
#pragma once

#include "sim/scenario/Revisions.hpp"

#include "sim/model/Layout.hpp"
#include "sim/scenario/EnumTable.hpp"

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <memory>
#include <vector>

namespace linksim {

/// Timestamps of one exchange (simulated seconds), in path order.
enum Ts : uint8_t {
  ISSUED,        ///< the requester's existing system sends the query
  RQ_REQ_IN,     ///< requester's intermediate server receives it
  RQ_REQ_OUT,    ///< ... forwards it to the hub (after code acquisition if needed)
  HUB_REQ_IN,    ///< hub receives the request
  HUB_REQ_OUT,   ///< hub forwards it to the provider (or refuses it)
  PV_REQ_IN,     ///< provider's intermediate server receives the provision request
  PV_REQ_OUT,    ///< ... hands it to the replica lookup or to staff (manual-answer mode)
  PV_RESP_IN,    ///< ... has the answer
  PV_RESP_OUT,   ///< ... sends the answer to the hub
  HUB_RESP_IN,   ///< hub receives the answer
  HUB_RESP_OUT,  ///< ... relays it to the requester's server
  RQ_RESP_IN,    ///< requester's server receives the result
  RQ_RESP_OUT,   ///< ... hands it to the existing system
  FETCHED,       ///< the existing system has fetched the result
  TS_COUNT
};

/// The timestamps' names (exchanges.csv columns `<name>_s`), in path order.
inline constexpr auto TIMESTAMPS = enum_table<Ts>(
    "timestamp",
    "timestamps of an exchange's path (exchanges.csv columns <name>_s, seconds from the start)",
    {{ISSUED, "issued", "the requester's existing system sends the query", "既存システム照会"},
     {RQ_REQ_IN, "rq_req_in", "the requester's intermediate server receives it", "照会側中間サーバー受信"},
     {RQ_REQ_OUT, "rq_req_out", "... forwards it to the hub (after code acquisition if needed)", "照会側中間サーバー送信"},
     {HUB_REQ_IN, "hub_req_in", "the hub receives the request", "NWS受信（照会）"},
     {HUB_REQ_OUT, "hub_req_out", "... forwards it to the provider (or refuses it)", "NWS送信（提供の求め）"},
     {PV_REQ_IN, "pv_req_in", "the provider's intermediate server receives the provision request", "提供側中間サーバー受信"},
     {PV_REQ_OUT, "pv_req_out", "... hands it to the replica lookup or to staff (manual-answer mode)", "副本検索・手動応答へ"},
     {PV_RESP_IN, "pv_resp_in", "... has the answer", "回答作成"},
     {PV_RESP_OUT, "pv_resp_out", "... sends the answer to the hub", "提供側中間サーバー送信"},
     {HUB_RESP_IN, "hub_resp_in", "the hub receives the answer", "NWS受信（回答）"},
     {HUB_RESP_OUT, "hub_resp_out", "... relays it to the requester's server", "NWS送信（回答）"},
     {RQ_RESP_IN, "rq_resp_in", "the requester's server receives the result", "照会側中間サーバー受信（回答）"},
     {RQ_RESP_OUT, "rq_resp_out", "... hands it to the existing system", "既存システムへ引渡し"},
     {FETCHED, "fetched", "the existing system has fetched the result", "既存システム取得"}});
static_assert(TIMESTAMPS.dense() && TIMESTAMPS.size() == TS_COUNT, "Exchange::t is indexed by Ts");

/// Writers of the provision records (情報提供等の記録, Act art. 23) [W5], as bits of Exchange::records.
enum RecordWriter : uint8_t { REC_REQUESTER = 1, REC_PROVIDER = 2, REC_HUB = 4, REC_ALL = 7 };

/// What the provider answered (carried encrypted: the hub never reads it).
enum class Answer : uint8_t { NONE, DATA, NO_RECORD, DENIED };

struct BatchFile;

/// Why a requester gave up an exchange (Exchange::failed).
enum : uint8_t { FAILED_UNREACHABLE = 1, FAILED_LOST = 2 };

struct Exchange {
  uint64_t id        = 0; ///< sequential per run, in issue order
  uint64_t serial    = 0; ///< 処理通番 assigned by the hub (0 until then)
  uint32_t requester = 0;
  uint32_t provider  = 0;
  uint32_t procedure = 0;
  uint32_t item      = 0; ///< layout index
  uint32_t workload  = 0;
  uint64_t req_ref   = 0; ///< requester's own reference to the subject (its 宛名番号)
  uint64_t req_code  = 0; ///< requester's agency code (機関別符号) for the subject
  uint64_t prov_code = 0; ///< provider's agency code, set by the hub's conversion
  double t[TS_COUNT];
  double hub_wait_s = 0; ///< time the request waited for a hub worker
  bool batch        = false;
  bool needs_code   = false; ///< the requester must acquire the code first (符号取得)
  bool held         = false; ///< waiting for a manual answer
  bool by_hand      = false; ///< answered by staff in manual-answer mode (自動応答不可)
  bool code_deleted = false; ///< issue 9: refused by the hub, the code's linkage code deleted (case 2 ④)
  // --- answer (payload) ---
  Answer answer       = Answer::NONE;
  DenyReason deny     = DenyReason::NOT_PERMITTED; ///< why, when answer is DENIED
  bool nondisclosure  = false; ///< 不開示 flag carried to all three provision records
  uint32_t version    = 0;
  double extraction_s = 0; ///< when the replica's data was extracted from the existing system
  int64_t epoch       = 0; ///< which state of the true data the record reflects
  Record record;
  /// Provision records (情報提供等の記録) written: RecordWriter bits.
  uint8_t records     = 0;
  uint8_t record_nd   = 0; ///< same bits: the record carries the 不開示 flag
  // --- hidden ground truth: read by the recorder only ---
  struct Truth {
    uint64_t person    = 0; ///< the person the caseworker meant
    uint64_t queried   = 0; ///< the person the requester's code actually names
    uint64_t delivered = 0; ///< whose data the payload actually is
    uint32_t version_due = 0; ///< the version a ready provider served on time would have registered it in
    uint32_t incident    = NONE; ///< the incident whose misregistered replica answered it (issue 9 case 1)
    bool wrong_values    = false; ///< the record's values are wrong (a wrong_value misregistration)
  } truth;
  uint64_t link_code = 0;   ///< 連携用符号 during code acquisition (J-LIS → hub)
  BatchFile* file    = nullptr; ///< batch queries: the result file this exchange belongs to
  Exchange* next = nullptr; ///< next exchange of the same message (batch)
  // --- network and host faults: attempts (a retry is another attempt of the same exchange) ---
  double attempt_s  = 0; ///< when the current attempt was sent (ISSUED for the first)
  uint16_t attempts = 1; ///< attempts made so far
  uint8_t failed    = 0; ///< the requester gave up: FAILED_UNREACHABLE or FAILED_LOST (0: it did not)

  void reset()
  {
    *this = Exchange();
    for (double& x : t)
      x = std::numeric_limits<double>::quiet_NaN();
  }
};

/// A batch query's result file, assembled by the requester's intermediate server: the answers of
/// a batch come back provider by provider; the existing system fetches one file when all are in
/// (一括照会: results fetched later as a file [K]).
struct BatchFile {
  uint32_t expected = 0; ///< exchanges in the batch
  uint32_t arrived  = 0; ///< answers (or refusals) received so far
  uint32_t held     = 0; ///< members waiting for a manual answer
  Exchange* head    = nullptr;
  Exchange* tail    = nullptr;
};

/// Kinds of messages between actors.
enum class MsgKind : uint8_t {
  QUERY,        ///< existing system → own server
  ACQUIRE,      ///< server → J-LIS → hub: code acquisition (符号取得)
  ACQUIRED,     ///< hub → server: codes issued
  REQUEST,      ///< server → hub
  NOTICE,       ///< hub → provider's server (provision requested)
  HOLD,         ///< provider's server → its staff (manual-answer mode)
  MANUAL,       ///< staff → provider's server (answered by hand)
  ANSWER,       ///< provider's server → hub
  RESULT,       ///< hub → requester's server (answer or refusal)
  DELIVER,      ///< requester's server → existing system
  REGISTER,     ///< existing system → own server: nightly replica registration (副本登録)
};

/// A message: a kind plus the exchanges it carries.
struct Message {
  MsgKind kind      = MsgKind::QUERY;
  uint32_t requester = 0;
  uint32_t provider  = 0;
  uint32_t count    = 0; ///< exchanges in the list (or records, for REGISTER)
  Exchange* head    = nullptr;
  Exchange* tail    = nullptr;
  double extraction_s = 0; ///< REGISTER: when the data was extracted
  double sent_s       = 0; ///< when it was sent (its arrival is the comm's finish time, Context::take)

  /// Appends an exchange at the end of the list (keeps a batch in order).
  void append(Exchange* ex)
  {
    ex->next = nullptr;
    if (tail)
      tail->next = ex;
    else
      head = ex;
    tail = ex;
    ++count;
  }
};

/// Free-list pool: exchanges and messages are reused, never allocated per message.
template <typename T> class Pool {
public:
  T* get()
  {
    if (free_.empty()) {
      chunks_.push_back(std::make_unique<T[]>(CHUNK));
      for (size_t i = CHUNK; i-- > 0;)
        free_.push_back(&chunks_.back()[i]);
    }
    T* x = free_.back();
    free_.pop_back();
    return x;
  }
  void put(T* x) { free_.push_back(x); }
  /// Visits every slot (live or free): the caller tells them apart.
  template <typename F> void for_each_slot(F f)
  {
    for (auto& c : chunks_)
      for (size_t i = 0; i < CHUNK; ++i)
        f(c[i]);
  }

private:
  static constexpr size_t CHUNK = 4096;
  std::vector<std::unique_ptr<T[]>> chunks_;
  std::vector<T*> free_;
};

} // namespace linksim
