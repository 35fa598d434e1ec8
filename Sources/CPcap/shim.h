#ifndef SMBTRIAGE_CPCAP_SHIM_H
#define SMBTRIAGE_CPCAP_SHIM_H
#include <pcap/pcap.h>
// __fsetlocking: the stream libpcap reads is read on one thread, so stdio need not lock it.
#include <stdio_ext.h>
#endif
