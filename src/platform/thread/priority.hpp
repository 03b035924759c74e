#pragma once
// Thread priorities: slow work on purpose (Argon2id submissions, background index
// refreshes) yields the CPU to staff requests.

namespace antq::thread {

// Lowers the calling thread's priority (nice 10); a failure is logged at debug level,
// the thread keeps running at its priority.
void lower_priority();

}  // namespace antq::thread
