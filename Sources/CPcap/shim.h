#ifndef SMBTRIAGE_CPCAP_SHIM_H
#define SMBTRIAGE_CPCAP_SHIM_H
#include <pcap/pcap.h>
#endif
